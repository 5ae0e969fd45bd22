import type { Request } from "express";

/** The client address rate limits count by (express's req.ip, which honours `trust proxy` when configured). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "?";
}
