import { view } from "@colyseus/schema";
import { MemberState } from "../../schema/MemberState";

/**
 * Which MemberState fields are per-viewer. Untagged fields (name, avatar,
 * status, zone, seat…) reach everyone, so the people list stays complete;
 * tagged ones reach only clients whose StateView holds that member.
 */

/** Where someone is and how they stand: streamed only to people near them. */
export const POSITION_FIELDS = ["x", "y", "facing", "moving"] as const;

/** @colyseus/schema's tag for plain `@view()` fields (not exported by the package). */
const DEFAULT_VIEW_TAG = -1;

/** A tag only the member's own view carries: the input acknowledgement is useful to them alone. */
export const SELF_TAG = 1;

const tagged = new WeakSet<object>();

/** Idempotent; must run before the first room encodes its state (the feature module does it on import). */
export function tagPositionFields(): void {
  if (tagged.has(MemberState)) return;
  tagged.add(MemberState);
  const tagField = view<MemberState>;
  for (const field of POSITION_FIELDS) tagField(DEFAULT_VIEW_TAG)(MemberState.prototype, field);
  tagField(SELF_TAG)(MemberState.prototype, "ack");
}
