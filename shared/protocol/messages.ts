import { z } from "zod";
import { AVATAR_IDS } from "../avatars";
import type { SpaceRole } from "../moderation/canModerate";
import { chatMessages, type ServerChatMessages } from "./chatMessages";
import { conversationMessages, type ServerConversationMessages } from "./conversationMessages";
import { deskMessages } from "./deskMessages";
import { mediaMessages, type ServerMediaMessages } from "./mediaMessages";
import { meetupMessages, type ServerMeetupMessages } from "./meetupMessages";
import { DISPLAY_NAME_MAX } from "./limits";
import { moderationMessages, type ServerModerationMessages } from "./moderationMessages";
import { movementMessages } from "./movementMessages";
import { ServerMessage, type ClientMessageName } from "./names";
import type { ClientMessageDeclaration } from "./declare";
import { screenMessages, type ServerScreenMessages } from "./screenMessages";
import { statusMessages, type ServerStatusMessages } from "./statusMessages";
import { socialMessages, type ServerSocialMessages } from "./socialMessages";
import { plainText } from "./text";

/**
 * The wire contract. Each client message is declared once, in its feature's
 * file: its payload schema, rate limit and size limit (declare.ts). Types are
 * inferred from the schemas, so a payload that type-checks is one that validates.
 * The server validates every incoming payload against these; the client only
 * imports the types (`import type`), keeping zod out of the browser bundle.
 * Server messages are declared as types by name (the server builds them).
 */

export { DISPLAY_NAME_MAX, MAX_MESSAGE_BYTES } from "./limits";
export { plainText } from "./text";

/** Options a client passes when joining an office room. */
export const joinOptionsSchema = z.object({
  space: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, "must be a space slug").default("default"),
  name: plainText(DISPLAY_NAME_MAX),
  avatar: z.enum(AVATAR_IDS),
  protocol: z.number().int().optional(),
});
export type JoinOptions = z.input<typeof joinOptionsSchema>;

/** Every client message's declaration (schema, rate limit, size limit), by name. */
export const clientMessageDeclarations = {
  ...movementMessages,
  ...conversationMessages,
  ...statusMessages,
  ...deskMessages,
  ...moderationMessages,
  ...chatMessages,
  ...socialMessages,
  ...meetupMessages,
  ...mediaMessages,
  ...screenMessages,
  // Every name in names.ts needs a declaration: a message added without its limits does not compile.
} as const satisfies Record<ClientMessageName, ClientMessageDeclaration>;

type Declarations = typeof clientMessageDeclarations;

export type ClientMessages = {
  [K in keyof Declarations]: z.infer<Declarations[K]["schema"]>;
};

export interface ServerMessages
  extends ServerConversationMessages,
    ServerStatusMessages,
    ServerChatMessages,
    ServerSocialMessages,
    ServerMeetupMessages,
    ServerModerationMessages,
    ServerMediaMessages,
    ServerScreenMessages {
  [ServerMessage.Welcome]: {
    protocol: number;
    space: string;
    selfId: string;
    mapUrl: string;
    /** Version of the space's map this room runs (older servers omit it). */
    mapVersion?: number;
    /** The joiner's role in this space (older servers omit it: treat as no moderation rights). */
    role?: SpaceRole;
  };
  /** Sent to everyone just before the room closes for a new active map. */
  [ServerMessage.MapChanged]: { version: number };
  /** Why a message of the client's was refused; sent at most once per interval per reason. */
  [ServerMessage.Rejected]: { type: string; reason: string };
}
