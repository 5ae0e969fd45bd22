import { hashInviteToken } from "../auth/inviteToken";
import type { Repositories } from "../db/repositories";
import { membershipIn } from "../db/repositories/MemberRepository";
import type { MemberDoc } from "../db/models/Member";
import type { SpaceDoc } from "../db/models/Space";

/** Why a setup link made nobody owner, worded for the person holding it. */
export const SETUP_REFUSALS = {
  used: "this setup link has been used already: it works once, and the space has an owner now",
  replaced: "this is not the space's current setup link: a later start of the server printed a new one (see its log)",
  expired: (at: Date) => `this setup link expired at ${at.toISOString()}: restart the server (npm start) and use the link it prints`,
  banned: "this account is banned from this space: sign in with another account to become its owner",
  firstAccount: "this space has no setup link: the first account created on this server becomes its owner",
} as const;

export type SetupOutcome = { ok: true; space: SpaceDoc } | { ok: false; status: number; reason: string };

/**
 * Makes `member` (an account) the owner of an ownerless space with the link
 * `npm start` printed (offerOwnerSetup). The link is used up by one
 * conditional update, so of several people racing with it exactly one
 * becomes owner; the others are told it was used.
 */
export async function redeemOwnerSetup(repos: Repositories, space: SpaceDoc, member: MemberDoc, token: string, now = new Date()): Promise<SetupOutcome> {
  if (membershipIn(member, space._id)?.banned) return { ok: false, status: 403, reason: SETUP_REFUSALS.banned };
  const tokenHash = hashInviteToken(token);
  const won = await repos.spaces.redeemOwnerSetup(space.slug, tokenHash, now);
  if (!won) return { ok: false, ...(await whyRefused(repos, space, tokenHash)) };
  const setup = { tokenHash, expiresAt: space.ownerSetup?.expiresAt ?? now };
  try {
    if (membershipIn(member, space._id)) await repos.members.setRole(member._id, space._id, "owner");
    else await repos.members.addMembership(member._id, space._id, "owner");
    await repos.audit.record({
      space: space._id,
      actor: member,
      action: "owner.setup",
      target: member.displayName,
      detail: "became owner with the setup link the server printed",
    });
  } catch (err) {
    // The link must not be lost with the space still ownerless: the operator may try again.
    await repos.spaces.restoreOwnerSetup(space._id, setup);
    throw err;
  }
  return { ok: true, space: won };
}

async function whyRefused(repos: Repositories, space: SpaceDoc, tokenHash: string): Promise<{ status: number; reason: string }> {
  const now = await repos.spaces.findById(space._id);
  const current = now?.ownerSetup;
  if (!current) return { status: 409, reason: now?.needsOwner ? SETUP_REFUSALS.firstAccount : SETUP_REFUSALS.used };
  if (current.tokenHash !== tokenHash) return { status: 403, reason: SETUP_REFUSALS.replaced };
  return { status: 410, reason: SETUP_REFUSALS.expired(current.expiresAt) };
}
