import { createHmac } from "node:crypto";
import type { ServerMessages } from "../../../shared/protocol/messages";
import type { ServerMessage } from "../../../shared/protocol/names";
import type { IceConfig } from "../../config";

export type IceServersMessage = ServerMessages[typeof ServerMessage.IceServers];

/**
 * A TURN credential in coturn's REST API scheme (`use-auth-secret`): the
 * username carries its own expiry, and the password is an HMAC of it under the
 * secret coturn shares, so coturn checks it without asking us and it lapses
 * by itself. The secret stays on the server.
 */
export function turnCredential(secret: string, memberId: string, ttlSeconds: number, nowMs: number = Date.now()) {
  const expiry = Math.floor(nowMs / 1000) + ttlSeconds;
  // coturn splits the username at the first ":"; keep the member part free of separators anyway.
  const username = `${expiry}:${memberId.replace(/:/g, "_")}`;
  const credential = createHmac("sha1", secret).update(username).digest("base64");
  return { username, credential, expiry };
}

/** The ICE servers one session gets: STUN as configured, TURN with a fresh credential. Empty = host candidates only. */
export function iceServersFor(ice: IceConfig, memberId: string, nowMs: number = Date.now()): IceServersMessage {
  const iceServers: IceServersMessage["iceServers"] = [];
  if (ice.stunUrls.length > 0) iceServers.push({ urls: [...ice.stunUrls] });
  if (ice.turnUrls.length > 0 && ice.turnSecret) {
    const { username, credential } = turnCredential(ice.turnSecret, memberId, ice.turnTtlSeconds, nowMs);
    iceServers.push({ urls: [...ice.turnUrls], username, credential });
  }
  return { iceServers };
}
