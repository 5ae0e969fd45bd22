import type { Request } from "express";
import { HttpError } from "../../http/middleware/HttpError";

/**
 * The request body as bytes, refused with 413 as soon as it passes `limit`
 * (by its Content-Length, or while it streams in). Call it only once the
 * caller is known to be allowed to upload, so nobody else costs a read.
 */
export function readRawBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new HttpError(413, `upload is larger than ${limit} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: Error | null, body?: Buffer) => {
      if (done) return;
      done = true;
      req.off("data", onData);
      if (err) {
        req.resume();
        reject(err);
      } else {
        resolve(body!);
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(new HttpError(413, `upload is larger than ${limit} bytes`));
      else chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => finish(null, Buffer.concat(chunks, size)));
    req.once("error", (err) => finish(new HttpError(400, `upload failed: ${err.message}`)));
    req.once("aborted", () => finish(new HttpError(400, "upload aborted")));
  });
}
