/** Request headers as node's http and Colyseus's auth context both give them. */
export type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Which web pages may act with a browser's credentials: the server's own
 * origin (the request's Host, or PUBLIC_URL behind a proxy) and those listed
 * in CORS_ORIGINS. One rule for the API's CSRF guard and CORS headers, the
 * match-maker's CORS headers, and cookie sign-in to a room.
 *
 * Ports count: a page on another port of the same host is another origin,
 * even though browsers send it the same cookies (cookies ignore ports).
 */
export class OriginPolicy {
  private readonly listed: ReadonlySet<string>;
  private readonly trusted: ReadonlySet<string>;

  constructor(allowedOrigins: readonly string[], publicUrl?: string) {
    this.listed = new Set(allowedOrigins);
    this.trusted = new Set([...allowedOrigins, ...(publicUrl ? [new URL(publicUrl).origin] : [])]);
  }

  /** Another origin that may read answers with credentials (CORS); the server's own needs no header. */
  corsAllowed(origin: string | undefined): origin is string {
    return origin !== undefined && this.listed.has(origin);
  }

  /**
   * Why a request that may carry the browser's cookies does not come from a
   * trusted page, or null when it does. Clients that are not browsers send
   * neither Origin nor Sec-Fetch-Site: whatever credentials they carry are
   * their own, so they pass.
   */
  crossSiteProblem(headers: Headers): string | null {
    const origin = header(headers, "origin");
    const fetchSite = header(headers, "sec-fetch-site");
    if (origin !== undefined && origin !== "null") {
      return this.sameHost(origin, header(headers, "host")) || this.trusted.has(origin) ? null : "cross-origin request refused";
    }
    if (origin === "null") return "cross-origin request refused";
    if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") return "cross-origin request refused";
    return null;
  }

  /** Whether the request comes from a browser page at all (it then says where from). */
  static fromBrowser(headers: Headers): boolean {
    return header(headers, "origin") !== undefined || header(headers, "sec-fetch-site") !== undefined;
  }

  private sameHost(origin: string, host: string | undefined): boolean {
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  }
}
