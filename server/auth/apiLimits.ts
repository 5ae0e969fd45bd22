import { AttemptLimiter } from "./AttemptLimiter";

/**
 * The API's rate limits, per process. Each answers 429 with Retry-After when
 * reached (see HttpError.tooMany). Addresses are generous because an office
 * behind one NAT shares an address; per-email and per-account limits are tight.
 */
export interface ApiLimits {
  /** Sign-in attempts per client address (any email). */
  signinByAddress: AttemptLimiter;
  /** Sign-in attempts per email (from any address). */
  signinByEmail: AttemptLimiter;
  /** Sign-ups (new accounts) per client address. */
  signupByAddress: AttemptLimiter;
  /** Guest identities per client address. */
  guestsByAddress: AttemptLimiter;
  /** New spaces per account, and per client address. */
  spacesByAccount: AttemptLimiter;
  spacesByAddress: AttemptLimiter;
}

const MINUTE = 60_000;

export function defaultApiLimits(options: { guestsPerAddress?: number; now?: () => number } = {}): ApiLimits {
  const now = options.now ?? Date.now;
  const guests = options.guestsPerAddress ?? 60;
  return {
    signinByAddress: new AttemptLimiter(50, 15 * MINUTE, 10_000, now),
    signinByEmail: new AttemptLimiter(10, 15 * MINUTE, 10_000, now),
    signupByAddress: new AttemptLimiter(20, 60 * MINUTE, 10_000, now),
    // 0 = off: a limit no one reaches.
    guestsByAddress: new AttemptLimiter(guests === 0 ? Number.MAX_SAFE_INTEGER : guests, 10 * MINUTE, 10_000, now),
    spacesByAccount: new AttemptLimiter(10, 60 * MINUTE, 10_000, now),
    spacesByAddress: new AttemptLimiter(30, 60 * MINUTE, 10_000, now),
  };
}
