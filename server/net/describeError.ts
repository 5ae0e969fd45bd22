/**
 * A thrown value as one log line's worth: an Error's stack, never an
 * inspection of an arbitrary object (Colyseus's exceptions carry the client,
 * and with it the reconnection token).
 */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  if (typeof err === "string") return err;
  return `a thrown ${typeof err}`;
}
