import { z } from "zod";
import { AVATAR_IDS } from "../../../shared/avatars";
import { HEARING_TILES_MAX, HEARING_TILES_MIN } from "../../../shared/rules/hearing";
import { DISPLAY_NAME_MAX, plainText } from "../../../shared/protocol/messages";
import { SETTING_FIELDS, settingMessages as m, type NumberSetting, type ChoiceSetting } from "../../../shared/spaceSettings";
import { INVITE_MAX_USES, INVITE_ROLES } from "../../db/models/Invite";
import { ROLES } from "../../db/models/Member";
import { SLUG_PATTERN } from "../../db/models/Space";
import { ZONE_TYPES } from "../../../shared/map/areaProperties";
import { MAP_LIMITS } from "../../../shared/map/mapLimits";
import type { ZoneType } from "../../../shared/map/types";

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
const inviteToken = z.string().min(1, "must not be empty").max(128, "is too long to be an invite");
export const guestBody = z.strictObject({ space: slugSchema, displayName, avatar, invite: inviteToken.optional() });

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

function numberSetting(f: NumberSetting) {
  const n = z.number({ error: m.notNumber }).min(f.min, m.below(f.min, f.unit)).max(f.max, m.above(f.max, f.unit));
  return (f.integer ? n.int(m.notWhole) : n).optional();
}
const choiceSetting = <C extends ChoiceSetting>(f: C) =>
  z.enum(f.choices as unknown as [C["choices"][number], ...C["choices"][number][]], { error: m.notChoice(f.choices) }).optional();

/** Bounds, choices and messages come from shared/spaceSettings, which the admin page's form reads too. */
export const settingsPatch = z
  .strictObject({
    hearingRadiusTiles: numberSetting(SETTING_FIELDS.hearingRadiusTiles),
    leaveRadiusTiles: numberSetting(SETTING_FIELDS.leaveRadiusTiles),
    maxConversationSize: numberSetting(SETTING_FIELDS.maxConversationSize),
    guestAccess: z.boolean({ error: m.notBoolean }).optional(),
    joinPolicy: choiceSetting(SETTING_FIELDS.joinPolicy),
    meetupHosts: choiceSetting(SETTING_FIELDS.meetupHosts),
    deskPolicy: choiceSetting(SETTING_FIELDS.deskPolicy),
  })
  .refine((p) => Object.keys(p).length > 0, "nothing to change");

export const joinBody = z.strictObject({ invite: inviteToken.optional() });

export const inviteBody = z.strictObject({
  role: z.enum(INVITE_ROLES, { error: `must be one of ${INVITE_ROLES.join(", ")}` }),
  expiresInHours: z.number({ error: "must be a number of hours" }).positive("must be more than 0 hours").max(24 * 365, "must be at most a year (8760 hours)").optional(),
  maxUses: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(INVITE_MAX_USES, `must be at most ${INVITE_MAX_USES}`)
    .optional(),
});

const objectId = z.string().regex(/^[0-9a-f]{24}$/, "must be an id");
export const inviteParams = z.strictObject({ slug: slugSchema, inviteId: objectId });
export const memberParams = z.strictObject({ slug: slugSchema, memberId: objectId });
export const roleBody = z.strictObject({ role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }) });
export const deleteSpaceBody = z.strictObject({ confirm: z.string().max(64) });
export const auditQuery = z.strictObject({ before: z.iso.datetime("must be an ISO date and time").optional() });

export const versionParams = z.strictObject({ slug: slugSchema, version: z.coerce.number().int().min(1) });
export const activeMapBody = z.strictObject({ version: z.number().int().min(1) });
export const mapUploadQuery = z.strictObject({
  name: plainText(80).optional(),
  /** In a .zip holding several maps: the path of the one to import. */
  map: z.string().min(1).max(512).optional(),
  activate: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});

/** Bounds of an editor save: as many objects as a Tiled layer may hold, coordinates within the largest map. */
const px = z.number({ error: "must be a number of pixels" }).finite().min(-1e5).max(1e5);
const wholePx = px.int("must be a whole number of pixels");
const editZone = z.strictObject({
  id: z.number().int().min(1).optional(),
  name: plainText(80),
  kind: z.enum(ZONE_TYPES as [ZoneType, ...ZoneType[]], { error: `must be one of ${ZONE_TYPES.join(", ")}` }),
  platform: z.boolean().optional(),
  x: px,
  y: px,
  width: px.positive("must be more than 0"),
  height: px.positive("must be more than 0"),
  polygon: z.array(z.strictObject({ x: px, y: px })).min(3, "a polygon needs at least 3 points").max(256).optional(),
});
const editDesk = z.strictObject({
  id: plainText(64),
  kind: z.enum(["focus", "assignable"], { error: "must be focus or assignable" }),
  facing: z.enum(["up", "down", "left", "right"], { error: "must be up, down, left or right" }),
  x: wholePx,
  y: wholePx,
});
export const mapEditsBody = z.strictObject({
  baseVersion: z.number().int().min(1),
  name: plainText(80).optional(),
  zones: z.array(editZone).max(MAP_LIMITS.maxObjectsPerLayer),
  desks: z.array(editDesk).max(MAP_LIMITS.maxObjectsPerLayer),
  spawns: z.array(z.strictObject({ x: wholePx, y: wholePx })).min(1, "the map needs at least one spawn point").max(MAP_LIMITS.maxObjectsPerLayer),
  /** Cells of the collision layer, by row-major index (see shared/map/mapEdits). */
  painted: z.array(z.number().int("must be a cell index").min(0, "must be a cell index")).max(MAP_LIMITS.maxTiles * MAP_LIMITS.maxTiles).optional(),
});
