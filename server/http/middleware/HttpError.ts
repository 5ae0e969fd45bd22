/**
 * An error with the HTTP status and JSON body (`{ error, details }`) the client
 * should get, and any headers that belong with it (Retry-After on a 429).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
  }

  /** 429 with Retry-After, worded the same way by every limit. */
  static tooMany(what: string, retryAfterSeconds: number): HttpError {
    const wait = Math.max(1, Math.ceil(retryAfterSeconds));
    return new HttpError(429, `${what}; try again in ${wait} s`, undefined, { "Retry-After": String(wait) });
  }
}
