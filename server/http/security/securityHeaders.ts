import type { RequestHandler } from "express";
import helmet from "helmet";
import { contentSecurityPolicy } from "./contentSecurityPolicy";

/**
 * helmet's headers with our CSP. `upgrade-insecure-requests` is left out: a
 * self-hosted office is often reached over plain http on a LAN.
 */
export function securityHeaders(extraConnectOrigins: readonly string[] = []): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(extraConnectOrigins) },
    // Remote video and audio come through WebRTC, not cross-origin resources; keep the default isolation.
    crossOriginEmbedderPolicy: false,
  });
}
