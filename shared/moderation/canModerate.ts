/**
 * Who may kick or ban whom, in one place: the server enforces it (from the
 * roles it admitted each session with) and the client uses it only to decide
 * which Kick/Ban buttons to offer. Roles arrive as plain strings from the wire,
 * so anything unknown ranks below everyone and may remove no one.
 */

/** A space's roles, lowest first: the order is the rank. */
/**
 * A mapMaker ranks above members and below admins: they edit, upload and
 * activate maps (mayEditMaps) but moderate no one, since moderation needs admin.
 */
export const SPACE_ROLES = ["guest", "member", "mapMaker", "admin", "owner"] as const;
export type SpaceRole = (typeof SPACE_ROLES)[number];

/** Whether this role may change the space's map: draw zones, desks and spawns, upload and activate versions. */
export function mayEditMaps(role: string | undefined): boolean {
  return rank(role) >= rank("mapMaker");
}

function rank(role: string | undefined): number {
  return SPACE_ROLES.indexOf(role as SpaceRole);
}

function withArticle(role: string): string {
  return /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`;
}

/**
 * Why `actor` may not remove `target`, or null when they may: owners and
 * admins remove people ranked strictly below them, never themselves (the same
 * member in another tab counts as themselves).
 */
export function moderationRefusal(actor: string | undefined, target: string | undefined, isSelf: boolean): string | null {
  if (isSelf) return "you cannot remove yourself";
  const actorRank = rank(actor);
  if (actorRank < rank("admin")) return "only owners and admins can remove people";
  const targetRank = rank(target);
  if (targetRank < 0) return "that person's role is unknown";
  if (targetRank === actorRank) return `${withArticle(actor!)} cannot remove another ${target}`;
  if (targetRank > actorRank) return `${withArticle(actor!)} cannot remove ${withArticle(target!)}`;
  return null;
}

export function canModerate(actor: string | undefined, target: string | undefined, isSelf: boolean): boolean {
  return moderationRefusal(actor, target, isSelf) === null;
}
