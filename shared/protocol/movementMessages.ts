import { z } from "zod";
import { clientMessage } from "./declare";
import { ClientMessage } from "./names";

const axis = z.union([z.literal(-1), z.literal(0), z.literal(1)]);

export const movementMessages = {
  [ClientMessage.Move]: clientMessage(
    z
      .object({
        /** Increasing input sequence number; the room acknowledges the last one it applied. */
        seq: z.number().int().min(0).max(0xffffffff),
        dx: axis,
        dy: axis,
      })
      .strict(),
    {
      // Clients send one move per 50 ms tick (20/s); the margin absorbs jitter and tab wake-ups.
      burst: 40,
      perSecond: 30,
    },
  ),
} as const;
