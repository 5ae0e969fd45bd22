import { Schema, defineTypes } from "@colyseus/schema";

/** An assignable desk that belongs to someone ("my desk"). Fields only; keyed by desk id. */
export class DeskState extends Schema {
  /** The map's desk id. */
  id = "";
  /** memberId of the owner. */
  owner = "";
  /** The owner's display name, shown on the desk. */
  ownerName = "";
}

defineTypes(DeskState, { id: "string", owner: "string", ownerName: "string" });
