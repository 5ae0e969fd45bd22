import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { HttpError } from "./HttpError";
import { jsonDepthExceeds } from "../jsonDepth";

/**
 * Request bodies read with a hard byte limit and, for JSON, a nesting-depth
 * limit checked before JSON.parse runs. A declared Content-Length over the
 * limit is refused before a byte is read; a body that grows past it stops
 * being read at once. Either way the caller gets a 413 HttpError and should
 * close the connection (closeAfter) rather than let node drain the rest.
 */

export interface BodyLimits {
  maxBytes: number;
  /** Deepest nesting of arrays and objects a JSON body may have. */
  maxDepth?: number;
}

/** Reads the whole body into one buffer, never more than `maxBytes`. */
export function readBoundedBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        req.pause();
        reject(tooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = () => {
      cleanup();
      reject(new HttpError(400, "request aborted"));
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `request body is too large (at most ${maxBytes} bytes)`);
}

/** Parses a bounded JSON body: 413 past the byte limit, 400 for too deep nesting or malformed JSON. */
export async function readBoundedJson(req: IncomingMessage, limits: BodyLimits): Promise<unknown> {
  const text = (await readBoundedBody(req, limits.maxBytes)).toString("utf8");
  if (text.trim() === "") return undefined;
  if (limits.maxDepth !== undefined && jsonDepthExceeds(text, limits.maxDepth)) {
    throw new HttpError(400, `JSON body nests deeper than ${limits.maxDepth} levels`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "malformed JSON body");
  }
}

/** Closes the connection once the response is out, so the unread rest of a refused body is never received. */
export function closeAfter(req: IncomingMessage, res: { setHeader(name: string, value: string): unknown; once(event: "finish", cb: () => void): unknown }): void {
  res.setHeader("Connection", "close");
  res.once("finish", () => req.socket.destroy());
}

/**
 * Express middleware: a JSON body (application/json or +json) parsed within
 * `limits` into req.body, in place of express.json (which bounds bytes but
 * not nesting, and drains a refused body instead of closing). Other content types are left unread (req.body stays
 * undefined), as express.json does.
 */
export function boundedJson(limits: BodyLimits): RequestHandler {
  return (req, res, next) => {
    const type = String(req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (!/^application\/([a-z0-9.+-]+\+)?json$/.test(type)) return next();
    readBoundedJson(req, limits).then(
      (body) => {
        // An empty JSON body reads as {}, as express.json has it.
        req.body = body ?? {};
        next();
      },
      (err: unknown) => {
        if (err instanceof HttpError && err.status === 413) closeAfter(req, res);
        next(err);
      },
    );
  };
}
