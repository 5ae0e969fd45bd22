import { view } from "@colyseus/schema";
import { MemberState } from "../../schema/MemberState";

/**
 * Which MemberState fields are per-viewer. Untagged fields (name, avatar,
 * status, zone, seat…) reach everyone, so the people list stays complete;
 * tagged ones reach only clients whose StateView holds that member.
 */

/**
 * Where someone is and how they stand, and their input acknowledgement:
 * streamed only to people near them. (The acknowledgement is only useful to
 * its owner, but views are shared per cell, so the neighbours get it too.)
 */
export const POSITION_FIELDS = ["x", "y", "facing", "moving", "ack"] as const;

/** @colyseus/schema's tag for plain `@view()` fields (not exported by the package). */
const DEFAULT_VIEW_TAG = -1;

const tagged = new WeakSet<object>();

/** Idempotent; must run before the first room encodes its state (the feature module does it on import). */
export function tagPositionFields(): void {
  if (tagged.has(MemberState)) return;
  tagged.add(MemberState);
  const tagField = view<MemberState>;
  for (const field of POSITION_FIELDS) tagField(DEFAULT_VIEW_TAG)(MemberState.prototype, field);
}
