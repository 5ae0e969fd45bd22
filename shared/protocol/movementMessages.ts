import { z } from "zod";
import { ClientMessage } from "./names";

const axis = z.union([z.literal(-1), z.literal(0), z.literal(1)]);

export const movementMessages = {
  [ClientMessage.Move]: z
    .object({
      /** Increasing input sequence number; the room acknowledges the last one it applied. */
      seq: z.number().int().min(0).max(0xffffffff),
      dx: axis,
      dy: axis,
    })
    .strict(),
} as const;
