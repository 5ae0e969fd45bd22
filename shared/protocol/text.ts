import { z } from "zod";

/** Printable text without control characters, trimmed, 1–max characters. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s), "must not contain control characters");
}

/** A Colyseus session id as the server issues them (also the key of OfficeState.members). */
export const sessionId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "must be a session id");
