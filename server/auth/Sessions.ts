import type { Types } from "mongoose";
import type { Repositories } from "../db/repositories";
import type { MemberDoc } from "../db/models/Member";
import { signSession, verifySession, type SessionPayload, type TokenProblem } from "./sessionToken";

export interface SessionTimes {
  /** A session unused this long ends (sliding: every use moves the deadline). */
  idleSeconds: number;
  /** A session ends this long after sign-in, however active. */
  maxSeconds: number;
}

export type SessionProblem = TokenProblem | "revoked" | "unknown-member";
export type SessionCheck =
  | { ok: true; payload: SessionPayload; member: MemberDoc; renewDue: boolean }
  | { ok: false; problem: SessionProblem };

/**
 * Sessions end when they are signed out (their record is deleted), when unused
 * for `idleSeconds`, or `maxSeconds` after sign-in. A token is a signed copy
 * of its record's key facts; both the signature and the record must hold. A
 * session in use gets a fresh token (and its record a later idle deadline) at
 * most once per `renewEverySeconds`, so an active person is never signed out
 * in the middle of a week while the database is not written on every request.
 */
export class Sessions {
  readonly renewEverySeconds: number;

  constructor(
    private readonly repos: Repositories,
    private readonly secret: string,
    readonly times: SessionTimes,
    private readonly now: () => number = Date.now,
  ) {
    this.renewEverySeconds = Math.min(3600, Math.max(1, Math.floor(times.idleSeconds / 4)));
  }

  /** A new session for a member (a sign-in, sign-up or guest entry): its id for `token`. */
  start(member: Types.ObjectId): Promise<string> {
    const now = this.now();
    return this.repos.sessions.create(member, new Date(now + this.times.idleSeconds * 1000), new Date(now + this.times.maxSeconds * 1000), new Date(now));
  }

  /** A token for an existing session naming `spaces`; valid for the idle period. */
  token(member: Types.ObjectId, sid: string, spaces: readonly string[]): string {
    return signSession({ sub: member.toHexString(), sid, spaces, ttlSeconds: this.times.idleSeconds }, this.secret, this.now());
  }

  /** Whether a token names a live session of an existing member, and whether it is due for renewal. */
  async check(token: string): Promise<SessionCheck> {
    const checked = await checkSessionToken(this.repos, this.secret, token, this.now());
    if (!checked.ok) return checked;
    const age = Math.floor(this.now() / 1000) - checked.payload.iat;
    return { ...checked, renewDue: age >= this.renewEverySeconds };
  }

  /** Moves a session's idle deadline forward (never past its hard end). */
  async extend(sid: string): Promise<void> {
    const record = await this.repos.sessions.find(sid, new Date(this.now()));
    if (!record) return;
    const next = Math.min(this.now() + this.times.idleSeconds * 1000, record.endsAt.getTime());
    await this.repos.sessions.extend(sid, new Date(next));
  }

  end(sid: string): Promise<void> {
    return this.repos.sessions.delete(sid);
  }
}

/** The signature, expiry and server-side record of a session token, and its member. */
export async function checkSessionToken(
  repos: Repositories,
  secret: string,
  token: string,
  nowMs = Date.now(),
): Promise<{ ok: true; payload: SessionPayload; member: MemberDoc } | { ok: false; problem: SessionProblem }> {
  const verified = verifySession(token, secret, nowMs);
  if (!verified.ok) return verified;
  const record = await repos.sessions.find(verified.payload.sid, new Date(nowMs));
  if (!record || record.member.toHexString() !== verified.payload.sub) return { ok: false, problem: "revoked" };
  const member = await repos.members.findById(verified.payload.sub);
  if (!member) return { ok: false, problem: "unknown-member" };
  return { ok: true, payload: verified.payload, member };
}
