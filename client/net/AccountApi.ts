/**
 * The only module that calls the accounts REST API (/api/auth, /api/me,
 * /api/spaces/:slug/join). The session itself is an httpOnly cookie the
 * browser keeps; the office room reads it when this page joins.
 */

export interface AccountMember {
  id: string;
  displayName: string;
  avatar: string;
  email: string | null;
  guest: boolean;
  /** The hearing distance saved on the member (tiles), when one was chosen. */
  hearingTiles?: number;
}

export interface SignupRequest {
  email: string;
  password: string;
  displayName: string;
  avatar: string;
}

export interface SpaceInfo {
  slug: string;
  name: string;
  settings: { guestAccess: boolean };
  /** A fresh install's default space before anyone has signed up: the first account becomes its owner. */
  awaitingOwner?: boolean;
}

/** A refusal from the API, carrying its reason ({ error, details }) as a sentence. */
export class AccountApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "AccountApiError";
  }
}

export class AccountApi {
  constructor(private readonly base = "/api") {}

  /** The signed-in member, or null when there is no valid session (asked without a 401, which browsers log as an error). */
  async session(): Promise<AccountMember | null> {
    return (await this.call<{ member: AccountMember | null }>("GET", "/auth/session")).member;
  }

  /** Public facts about a space: whether it exists and whether it admits guests. */
  async space(slug: string): Promise<SpaceInfo> {
    return (await this.call<{ space: SpaceInfo }>("GET", `/spaces/${encodeURIComponent(slug)}`)).space;
  }

  /**
   * Creates the account, then signs in with it: sign-up answers the same
   * whether or not the email was free (so it reveals no accounts), and the
   * sign-in says whether these are working credentials.
   */
  async signup(request: SignupRequest): Promise<AccountMember> {
    await this.call("POST", "/auth/signup", request);
    try {
      return await this.signin(request.email, request.password);
    } catch (err) {
      // The email already had an account with another password: say what to do, no more than sign-in would.
      if (err instanceof AccountApiError && err.status === 401) {
        throw new AccountApiError(401, "this email and password do not open an account; if the email is yours, sign in instead");
      }
      throw err;
    }
  }

  async signin(email: string, password: string): Promise<AccountMember> {
    return (await this.call<{ member: AccountMember }>("POST", "/auth/signin", { email, password })).member;
  }

  /** A guest identity admitted to one space (the server refuses when the space admits no guests, or only invited ones). */
  async guest(space: string, displayName: string, avatar: string, invite?: string): Promise<AccountMember> {
    return (await this.call<{ member: AccountMember }>("POST", "/auth/guest", { space, displayName, avatar, ...(invite ? { invite } : {}) })).member;
  }

  async signout(): Promise<void> {
    await this.call("POST", "/auth/signout");
  }

  /** Becomes a member of the space (with an invite when given) and renews the session for it. */
  async joinSpace(space: string, invite?: string): Promise<void> {
    await this.call("POST", `/spaces/${encodeURIComponent(space)}/join`, invite ? { invite } : {});
  }

  /** Changes the signed-in member's name or look (saved on the member). */
  async updateProfile(patch: { displayName?: string; avatar?: string; hearingTiles?: number }): Promise<AccountMember> {
    return (await this.call<{ member: AccountMember }>("PATCH", "/me", patch)).member;
  }

  private call<T>(method: "GET" | "POST" | "PATCH", path: string, body?: unknown): Promise<T> {
    return requestJson<T>(this.base, method, path, body);
  }
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API call from a page of the office: same-origin cookies, the CSRF header on every write, JSON in and
 * out. `raw` sends a body that already is JSON text; a FormData or Blob body goes as it is (the browser
 * writes a form's boundary; a Blob's own type is its content type). `refuse` turns a refusal into the caller's error.
 */
export async function requestJson<T>(
  base: string,
  method: HttpMethod,
  path: string,
  body?: unknown,
  options: { raw?: boolean; refuse?: (payload: unknown, status: number) => AccountApiError } = {},
): Promise<T> {
  let response: Response;
  const asIs = typeof FormData !== "undefined" && body instanceof FormData ? body : typeof Blob !== "undefined" && body instanceof Blob ? body : null;
  const contentType = asIs instanceof Blob ? asIs.type || "application/octet-stream" : asIs ? null : body === undefined ? null : "application/json";
  try {
    response = await fetch(`${base}${path}`, {
      method,
      credentials: "same-origin",
      // The CSRF header marks a request as the page's own script; the server refuses cookie requests without it.
      headers: {
        accept: "application/json",
        ...(method === "GET" ? {} : { "x-deskmap-csrf": "1" }),
        ...(contentType ? { "content-type": contentType } : {}),
      },
      body: body === undefined ? undefined : asIs ?? (options.raw ? (body as string) : JSON.stringify(body)),
    });
  } catch {
    throw new AccountApiError(0, "the server could not be reached; check your connection");
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw options.refuse ? options.refuse(payload, response.status) : new AccountApiError(response.status, errorText(payload, response.status));
  return payload as T;
}

/** "email: must be an email address" from { error, details: [{ path, message }] }; the error alone otherwise. */
export function errorText(payload: unknown, status: number): string {
  const p = payload as { error?: unknown; details?: unknown } | null;
  const error = typeof p?.error === "string" && p.error ? p.error : `the server answered HTTP ${status}`;
  if (!Array.isArray(p?.details) || p.details.length === 0) return error;
  const parts = p.details.map((d: { path?: unknown; message?: unknown }) =>
    typeof d?.path === "string" && d.path ? `${d.path}: ${String(d.message)}` : String(d?.message ?? ""),
  );
  return parts.filter(Boolean).join("; ") || error;
}
