import type { RequestHandler } from "express";
import { corsPolicy } from "./corsPolicy";
import { csrfGuard } from "./csrfGuard";
import { OriginPolicy } from "./originPolicy";
import { securityHeaders } from "./securityHeaders";

export interface HttpSecurityOptions {
  /** Other origins allowed to call the API with credentials (CORS_ORIGINS). */
  corsOrigins: readonly string[];
  /** The public origin when behind a proxy that rewrites Host (PUBLIC_URL). */
  publicUrl?: string;
}

/** The middleware createApp installs: headers for everything, CORS and CSRF in front of /api. */
export function httpSecurity(options: HttpSecurityOptions): { headers: RequestHandler; api: RequestHandler[]; origins: OriginPolicy } {
  const origins = new OriginPolicy(options.corsOrigins, options.publicUrl);
  return {
    headers: securityHeaders(),
    api: [corsPolicy(origins), csrfGuard(origins)],
    origins,
  };
}
