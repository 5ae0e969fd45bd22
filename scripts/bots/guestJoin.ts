import { SESSION_COOKIE } from "../../server/auth/sessionCookie";

/**
 * How a bot gets in: as a guest through POST /api/auth/guest, which answers
 * with a session cookie whose value the room accepts as the `token` join
 * option. A server without persistence (GuestIdentity) has no such route: then
 * the name and avatar join options are the identity.
 */
export interface JoinIdentity {
  name: string;
  avatar: string;
  token?: string;
}

export async function guestIdentity(baseUrl: string, space: string, name: string, avatar: string): Promise<JoinIdentity> {
  const response = await fetch(`${baseUrl}/api/auth/guest`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ space, displayName: name, avatar }),
  });
  // 404: no accounts API (or no such space, which the join itself will then report by name).
  if (response.status === 404) return { name, avatar };
  if (!response.ok) {
    throw new Error(`guest sign-in refused (${response.status}): ${(await response.text()).slice(0, 200)}`);
  }
  const token = sessionTokenFrom(response.headers.getSetCookie());
  if (!token) throw new Error(`guest sign-in gave no ${SESSION_COOKIE} cookie`);
  return { name, avatar, token };
}

function sessionTokenFrom(cookies: string[]): string | undefined {
  for (const cookie of cookies) {
    const [pair] = cookie.split(";");
    const eq = pair.indexOf("=");
    if (pair.slice(0, eq).trim() === SESSION_COOKIE) return decodeURIComponent(pair.slice(eq + 1).trim());
  }
  return undefined;
}
