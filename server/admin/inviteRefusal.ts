import type { InviteState } from "../db/repositories/InviteRepository";
import { HttpError } from "../http/middleware/HttpError";

/** What a person holding a link that admits nobody reads, and the status that goes with it. */
const REFUSALS: Record<Exclude<InviteState, "ok">, [number, string]> = {
  unknown: [403, "this invite link is not valid: check that you copied all of it"],
  "other-space": [403, "this invite link is for another space"],
  revoked: [410, "this invite link was revoked by an admin of this space; ask for a new one"],
  expired: [410, "this invite link has expired; ask for a new one"],
  "used-up": [410, "this invite link has already been used; ask for a new one"],
};

export function inviteRefusal(state: Exclude<InviteState, "ok">): HttpError {
  const [status, message] = REFUSALS[state];
  return new HttpError(status, message, { invite: state });
}
