import type { ErrorRequestHandler, RequestHandler } from "express";
import { MapError } from "../../../shared/map/MapError";
import { ConflictError } from "../../db/repositories/errors";
import { HttpError } from "./HttpError";

/**
 * The one HTTP error stack: routes throw HttpError (or let body-parser,
 * express.static, mongoose and the repositories throw theirs), and
 * jsonErrorHandler answers every one of them as JSON `{ error, details? }`.
 */

/** body-parser reports its failures as errors with `type` and `status`. */
const BODY_ERRORS: Record<string, [number, string]> = {
  "entity.parse.failed": [400, "malformed JSON body"],
  "entity.too.large": [413, "request body is too large"],
  "encoding.unsupported": [415, "unsupported content encoding"],
  "charset.unsupported": [415, "unsupported charset"],
  "request.aborted": [400, "request aborted"],
  "request.size.invalid": [400, "request size did not match Content-Length"],
};

function toHttpError(err: unknown): HttpError | null {
  if (err instanceof HttpError) return err;
  if (err instanceof ConflictError) return new HttpError(409, err.message);
  if (err instanceof MapError) return new HttpError(400, "invalid map", { problems: err.problems });
  const e = err as { type?: unknown; name?: unknown; errors?: Record<string, { message: string }>; status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown };
  if (typeof e?.type === "string" && BODY_ERRORS[e.type]) {
    const [status, message] = BODY_ERRORS[e.type];
    return new HttpError(status, message);
  }
  // Mongoose schema bounds that the zod schemas did not already catch.
  if (e?.name === "ValidationError" && e.errors) {
    const details = Object.entries(e.errors).map(([path, v]) => ({ path, message: v.message }));
    return new HttpError(400, "invalid value", details);
  }
  // Client errors that express and its middleware attach a status to (express.static's 404, for one).
  const status = Number(e?.status ?? e?.statusCode);
  if (Number.isInteger(status) && status >= 400 && status < 500) {
    return new HttpError(status, e.expose !== false && typeof e.message === "string" ? e.message : "bad request");
  }
  return null;
}

/** Answers every error as JSON `{ error, details? }`; unexpected ones are logged and hidden behind a 500. */
export function jsonErrorHandler(log: (message: string, err: unknown) => void = console.error): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const http = toHttpError(err);
    if (!http) {
      log(`${req.method} ${req.originalUrl.split("?")[0]} failed`, err);
      res.status(500).json({ error: "internal error" });
      return;
    }
    if (http.headers) res.set(http.headers);
    res.status(http.status).json(http.details === undefined ? { error: http.message } : { error: http.message, details: http.details });
  };
}

/** Unknown /api routes answer JSON, never the client's HTML. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `no API route for ${req.method} ${req.originalUrl.split("?")[0]}`));
};
