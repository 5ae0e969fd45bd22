import { z } from "zod";
import { AVATAR_IDS } from "../avatars";
import { DISPLAY_NAME_MAX } from "./limits";
import { ClientMessage, ServerMessage } from "./names";

export { DISPLAY_NAME_MAX, MAX_MESSAGE_BYTES } from "./limits";

/**
 * The wire contract: for each message name, its payload schema. Types are
 * inferred from the schemas, so a payload that type-checks is one that validates.
 * The server validates every incoming payload against these; the client only
 * imports the types (`import type`), keeping zod out of the browser bundle.
 */


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

const axis = z.union([z.literal(-1), z.literal(0), z.literal(1)]);

/** Options a client passes when joining an office room. */
export const joinOptionsSchema = z.object({
  space: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, "must be a space slug").default("default"),
  name: plainText(DISPLAY_NAME_MAX),
  avatar: z.enum(AVATAR_IDS),
  protocol: z.number().int().optional(),
});
export type JoinOptions = z.input<typeof joinOptionsSchema>;

export const clientMessageSchemas = {
  [ClientMessage.Move]: z
    .object({
      /** Increasing input sequence number; the room acknowledges the last one it applied. */
      seq: z.number().int().min(0).max(0xffffffff),
      dx: axis,
      dy: axis,
    })
    .strict(),
} as const;

export type ClientMessages = {
  [K in keyof typeof clientMessageSchemas]: z.infer<(typeof clientMessageSchemas)[K]>;
};

export interface ServerMessages {
  [ServerMessage.Welcome]: { protocol: number; space: string; selfId: string; mapUrl: string };
  /** Why a message of the client's was refused; sent at most once per interval per reason. */
  [ServerMessage.Rejected]: { type: string; reason: string };
}

