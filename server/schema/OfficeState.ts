import { MapSchema, Schema, defineTypes } from "@colyseus/schema";
import { DeskState } from "./DeskState";
import { MemberState } from "./MemberState";

/** The synchronised state of one office space. Fields only. */
export class OfficeState extends Schema {
  /** Everyone present, keyed by sessionId. */
  members = new MapSchema<MemberState>();
  /** Assignable desks that belong to someone, keyed by desk id (free desks are absent). */
  desks = new MapSchema<DeskState>();
}

defineTypes(OfficeState, { members: { map: MemberState }, desks: { map: DeskState } });
