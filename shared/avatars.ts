/**
 * The avatar looks Deskmap ships. Each id names a spritesheet `assets/avatars/<id>.png`
 * laid out as described in docs/art.md (frames 32×48, rows down/left/right/up,
 * column 0 idle and columns 1–3 the walk cycle).
 */
export const AVATAR_IDS = [
  "ada",
  "bo",
  "cyd",
  "dee",
  "eli",
  "fay",
  "gus",
  "hana",
] as const;

export type AvatarId = (typeof AVATAR_IDS)[number];

export const AVATAR_FRAME = { width: 32, height: 48, columns: 4, rows: 4 } as const;

/** Row order in every avatar sheet; also the wire value of `facing`. */
export const FACINGS = ["down", "left", "right", "up"] as const;
export type Facing = (typeof FACINGS)[number];

export function isAvatarId(value: unknown): value is AvatarId {
  return typeof value === "string" && (AVATAR_IDS as readonly string[]).includes(value);
}
