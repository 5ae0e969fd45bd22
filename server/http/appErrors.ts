import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../log";

/** An error that becomes a JSON response `{ error, details? }` with its status. */
export class AppHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppHttpError";
  }
}

/** Unknown /api routes answer JSON, never the client's HTML. */
export const apiNotFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: `No API route for ${req.method} ${req.originalUrl.split("?")[0]}` });
};

/**
 * The last-resort handler: statuses that express and body-parser attach
 * (400 malformed JSON, 413 too large) pass through; anything else is a 500
 * whose details stay in the log.
 */
export function appErrorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof AppHttpError) {
      res.status(err.status).json(err.details === undefined ? { error: err.message } : { error: err.message, details: err.details });
      return;
    }
    const status = Number((err as { status?: unknown })?.status ?? (err as { statusCode?: unknown })?.statusCode);
    if (Number.isInteger(status) && status >= 400 && status < 500) {
      const expose = (err as { expose?: boolean }).expose !== false;
      res.status(status).json({ error: expose ? (err as Error).message : "Bad request" });
      return;
    }
    log.error(`${req.method} ${req.originalUrl} failed`, err);
    res.status(500).json({ error: "Internal server error" });
  };
}
