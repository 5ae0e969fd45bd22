import { MapSchema, Schema, defineTypes } from "@colyseus/schema";
import { MemberState } from "./MemberState";

/** The synchronised state of one office space. Fields only. */
export class OfficeState extends Schema {
  /** Everyone present, keyed by sessionId. */
  members = new MapSchema<MemberState>();
}

defineTypes(OfficeState, { members: { map: MemberState } });
