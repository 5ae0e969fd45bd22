import { z } from "zod";
import { AVATAR_IDS } from "../../../shared/avatars";
import { HEARING_TILES_MAX, HEARING_TILES_MIN } from "../../../shared/rules/hearing";
import { DISPLAY_NAME_MAX, plainText } from "../../../shared/protocol/messages";
import { INVITE_ROLES } from "../../db/models/Invite";
import { DESK_POLICIES, MEETUP_HOSTS, SLUG_PATTERN } from "../../db/models/Space";

/** Request schemas: every object is strict, so a misspelt or extra field is a 400, not silently ignored. */

export const slugSchema = z.string().regex(SLUG_PATTERN, "must be 1–48 lowercase letters, digits or inner dashes");
export const slugParams = z.strictObject({ slug: slugSchema });

const displayName = plainText(DISPLAY_NAME_MAX);
const avatar = z.enum(AVATAR_IDS);
const email = z.email("must be an email address").max(254);
/** Long enough to resist guessing; the upper bound keeps scrypt's input sane. */
const password = z.string().min(10, "must be at least 10 characters").max(256);

export const signupBody = z.strictObject({ email, password, displayName, avatar });
export const signinBody = z.strictObject({ email: z.string().max(254), password: z.string().max(256) });
export const guestBody = z.strictObject({ space: slugSchema, displayName, avatar });

export const profilePatch = z
  .strictObject({
    displayName: displayName.optional(),
    avatar: avatar.optional(),
    hearingTiles: z
      .number()
      .int("must be a whole number of tiles")
      .min(HEARING_TILES_MIN, `must be at least ${HEARING_TILES_MIN} tile`)
      .max(HEARING_TILES_MAX, `must be at most ${HEARING_TILES_MAX} tiles`)
      .optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "nothing to change");

export const createSpaceBody = z.strictObject({ slug: slugSchema, name: plainText(80) });

export const settingsPatch = z
  .strictObject({
    hearingRadiusTiles: z.number().min(1).max(10).optional(),
    leaveRadiusTiles: z.number().min(1).max(15).optional(),
    maxConversationSize: z.number().int().min(2).max(12).optional(),
    guestAccess: z.boolean().optional(),
    meetupHosts: z.enum(MEETUP_HOSTS).optional(),
    deskPolicy: z.enum(DESK_POLICIES).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "nothing to change");

export const joinBody = z.strictObject({ invite: z.string().min(1).max(128).optional() });

export const inviteBody = z.strictObject({
  role: z.enum(INVITE_ROLES),
  expiresInHours: z.number().positive().max(24 * 365).optional(),
});

export const versionParams = z.strictObject({ slug: slugSchema, version: z.coerce.number().int().min(1) });
export const activeMapBody = z.strictObject({ version: z.number().int().min(1) });
export const mapUploadQuery = z.strictObject({
  name: plainText(80).optional(),
  /** In a .zip holding several maps: the path of the one to import. */
  map: z.string().min(1).max(512).optional(),
  activate: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
