import { z } from "zod";
import { clientMessage } from "./declare";
import { ClientMessage, ServerMessage } from "./names";

/**
 * Screen sharing (issue 19). The room decides who may share (people in a
 * conversation; on a stage only its speakers) and tells each conversation who
 * is sharing. The picture itself travels like the camera's: on the
 * peer-to-peer links, as a video track of its own stream, whose id the sharer
 * names here so the others can tell the share from the camera; through the
 * media server, as a feed of kind "screen" (mediaMessages.ts), published only
 * while this list holds the sharer.
 */

/** A MediaStream id as browsers make them (a UUID, in some versions in braces). */
export const mediaStreamId = z.string().regex(/^[A-Za-z0-9{}-]{1,64}$/, "must be a media stream id");

export const screenMessages = {
  /** Start sharing (naming the stream the screen's track travels in) or stop. */
  [ClientMessage.ShareScreen]: clientMessage(
    z.discriminatedUnion("on", [
      z.object({ on: z.literal(true), stream: mediaStreamId }).strict(),
      z.object({ on: z.literal(false) }).strict(),
    ]),
    {
      // Starting and stopping a share is a click (or the browser's own stop bar): a few at once, then slowly.
      burst: 4,
      perSecond: 0.5,
    },
  ),
} as const;

export interface ScreenSharer {
  /** The sharer's session id. */
  id: string;
  /** The id of the stream their screen arrives in. */
  stream: string;
}

export interface ServerScreenMessages {
  /**
   * Who is sharing a screen in our conversation, ourselves included; sent
   * whenever that changes, and an empty list when we leave the conversation.
   */
  [ServerMessage.ScreenShares]: { sharers: ScreenSharer[] };
}
