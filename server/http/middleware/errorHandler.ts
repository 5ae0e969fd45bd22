import type { ErrorRequestHandler, RequestHandler } from "express";
import { MapError } from "../../../shared/map/MapError";
import { ConflictError } from "../../db/repositories/errors";
import { HttpError } from "./HttpError";

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
  if (err instanceof MapError) return new HttpError(400, "invalid map", { problems: err.problems, more: err.more });
  const e = err as { type?: unknown; name?: unknown; errors?: Record<string, { message: string }> };
  if (typeof e?.type === "string" && BODY_ERRORS[e.type]) {
    const [status, message] = BODY_ERRORS[e.type];
    return new HttpError(status, message);
  }
  // Mongoose schema bounds that the zod schemas did not already catch.
  if (e?.name === "ValidationError" && e.errors) {
    const details = Object.entries(e.errors).map(([path, v]) => ({ path, message: v.message }));
    return new HttpError(400, "invalid value", details);
  }
  return null;
}

/** Answers every error as JSON `{ error, details? }`; unexpected ones are logged and hidden. */
export function jsonErrorHandler(log: (message: string, err: unknown) => void = console.error): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const http = toHttpError(err);
    if (!http) {
      log("unhandled API error", err);
      res.status(500).json({ error: "internal error" });
      return;
    }
    res.status(http.status).json(http.details === undefined ? { error: http.message } : { error: http.message, details: http.details });
  };
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `no API route for ${req.method} ${req.baseUrl}${req.path}`));
};
