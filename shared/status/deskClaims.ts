import type { SpaceRole } from "../moderation/canModerate";

export type { SpaceRole };

/**
 * Who may claim and release assignable desks ("my desk"). The policy is a
 * space setting; guests never own a desk (their identity does not outlive the visit).
 */

export type DeskPolicy = "anyone" | "admins";

export type ClaimRefusal = "not-assignable" | "guest" | "admins-only" | "taken";

export const CLAIM_REFUSAL_TEXT: Readonly<Record<ClaimRefusal, string>> = {
  "not-assignable": "this desk cannot be claimed",
  guest: "guests cannot claim a desk",
  "admins-only": "in this space only owners and admins assign desks",
  taken: "this desk already belongs to someone",
};

export function isManager(role: SpaceRole): boolean {
  return role === "owner" || role === "admin";
}

/**
 * Whether `actor` may make `desk` the desk of `assignee` (themselves, or for a
 * manager anyone present). `currentOwner` is the memberId owning it now (null if free).
 */
export function claimRefusal(
  actor: { memberId: string; role: SpaceRole },
  assignee: { memberId: string; role: SpaceRole },
  desk: { kind: string } | undefined,
  currentOwner: string | null,
  policy: DeskPolicy,
): ClaimRefusal | null {
  if (!desk || desk.kind !== "assignable") return "not-assignable";
  if (assignee.role === "guest") return "guest";
  const forSelf = actor.memberId === assignee.memberId;
  if ((policy === "admins" || !forSelf) && !isManager(actor.role)) return "admins-only";
  if (currentOwner !== null && currentOwner !== assignee.memberId) return "taken";
  return null;
}

/** Owners and admins release any desk; anyone releases their own. */
export function mayRelease(who: { memberId: string; role: SpaceRole }, owner: string | null): boolean {
  return owner !== null && (owner === who.memberId || isManager(who.role));
}
