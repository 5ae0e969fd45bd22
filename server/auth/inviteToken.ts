import { createHash, randomBytes } from "node:crypto";

/**
 * Invite tokens are random; only their SHA-256 is stored, so a database leak
 * does not hand out working invites.
 */
export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
