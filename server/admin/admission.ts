import type { Types } from "mongoose";
import type { Repositories } from "../db/repositories";
import type { InviteDoc } from "../db/models/Invite";
import type { MemberDoc } from "../db/models/Member";
import type { SpaceDoc } from "../db/models/Space";
import type { Role } from "../deps";
import { inviteState } from "../db/repositories/InviteRepository";
import { HttpError } from "../http/middleware/HttpError";
import { inviteRefusal } from "./inviteRefusal";

/**
 * Who may become a member of a space, and with which role: every way in (an
 * account's POST /join, a new guest) asks here, so the join policy, guest
 * access, invites and bans read the same everywhere. Room joins then admit
 * only people holding a membership (SessionIdentity), so this is the gate.
 */

export const INVITE_ONLY = "this space admits only people with an invite link; ask one of its admins for one";
export const NO_GUESTS = "this space does not admit guests";
export const DEVICE_BANNED = "someone banned from this space used this browser; ask an admin of the space if this is a mistake";

/** Redeems the invite (one atomic use) or throws the refusal that says why it admits nobody. */
async function redeemOrRefuse(repos: Repositories, token: string, space: SpaceDoc): Promise<InviteDoc> {
  const invite = await repos.invites.redeem(token, space._id);
  if (invite) return invite;
  const state = inviteState(await repos.invites.findByToken(token), space._id);
  throw inviteRefusal(state === "ok" ? "used-up" : state); // "ok" now means someone else took the last use a moment ago
}

/** An account with no membership yet: the role it joins with (after using up its invite, if any). */
export async function admitAccount(
  repos: Repositories,
  member: MemberDoc,
  space: SpaceDoc,
  invite: string | undefined,
  deviceId: string | null,
): Promise<{ role: Role; invite: InviteDoc | null }> {
  if (await repos.bans.isDeviceBanned(space._id, deviceId)) throw new HttpError(403, DEVICE_BANNED);
  if (invite) {
    const used = await redeemOrRefuse(repos, invite, space);
    return { role: used.role, invite: used };
  }
  if (space.settings.joinPolicy === "invite") throw new HttpError(403, INVITE_ONLY);
  return { role: "member", invite: null };
}

/** A new guest: refused unless the space admits guests (and, when invite-only, with a guest invite). */
export async function admitGuest(
  repos: Repositories,
  space: SpaceDoc,
  invite: string | undefined,
  deviceId: string | null,
): Promise<{ invite: InviteDoc | null }> {
  if (!space.settings.guestAccess) throw new HttpError(403, NO_GUESTS);
  if (await repos.bans.isDeviceBanned(space._id, deviceId)) throw new HttpError(403, DEVICE_BANNED);
  if (invite) {
    // Look before using it up: a member or admin invite is for an account, and must not be spent on a guest.
    const found = await repos.invites.findByToken(invite);
    if (found && inviteState(found, space._id) === "ok" && found.role !== "guest") {
      throw new HttpError(403, `this invite makes you ${found.role === "admin" ? "an admin" : "a member"}: sign in or create an account to use it`);
    }
    return { invite: await redeemOrRefuse(repos, invite, space) };
  }
  if (space.settings.joinPolicy === "invite") throw new HttpError(403, INVITE_ONLY);
  return { invite: null };
}

/** Gives back a use when the membership it paid for could not be written. */
export async function refund(repos: Repositories, invite: InviteDoc | null): Promise<void> {
  if (invite) await repos.invites.unredeem(invite._id as Types.ObjectId);
}
