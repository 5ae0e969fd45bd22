import { SPACE_ROLES, type SpaceRole } from "../moderation/canModerate";

/**
 * Who may give whom which role in a space, in one place: the API enforces it
 * and the admin page uses it only to decide which choices to offer.
 *
 * - Owners may give any role to anyone, themselves included, so ownership can
 *   be handed over and owners can step down; admins may move people ranked
 *   below admin between member and guest.
 * - A space always keeps an owner: the last one cannot step down, be demoted
 *   or be removed.
 */

const rank = (role: string | undefined) => SPACE_ROLES.indexOf(role as SpaceRole);

export const LAST_OWNER = "a space needs an owner: make someone else owner first";

export interface RoleChange {
  actor: string;
  target: string;
  to: string;
  isSelf: boolean;
  /** Owners the space has now. */
  owners: number;
}

export function roleChangeRefusal({ actor, target, to, isSelf, owners }: RoleChange): string | null {
  if (rank(to) < 0) return `"${to}" is not a role`;
  if (rank(actor) < rank("admin")) return "only owners and admins can change roles";
  if (target === to) return `already ${article(to)}`;
  if (actor === "owner") {
    if (target === "owner" && owners <= 1) return LAST_OWNER;
    return null;
  }
  // An admin.
  if (isSelf) return "ask an owner to change your role";
  if (rank(target) >= rank("admin")) return `an admin cannot change the role of ${article(target)}`;
  if (rank(to) >= rank("admin")) return "only owners can make admins or owners";
  return null;
}

/** Why `actor` may not take `target` out of the space, or null. Owners may remove other owners while one remains. */
export function removalRefusal(actor: string, target: string, isSelf: boolean, owners: number): string | null {
  if (rank(actor) < rank("admin")) return "only owners and admins can remove people";
  if (target === "owner" && owners <= 1) return LAST_OWNER;
  if (isSelf) return actor === "owner" ? null : "you cannot remove yourself";
  if (actor === "owner") return null;
  if (rank(target) >= rank(actor)) return `an admin cannot remove ${article(target)}`;
  return null;
}

/** The roles `actor` could give `target` (for the admin page's choices). */
export function assignableRoles(actor: string, target: string, isSelf: boolean, owners: number): SpaceRole[] {
  return SPACE_ROLES.filter((to) => to === target || roleChangeRefusal({ actor, target, to, isSelf, owners }) === null);
}

function article(role: string): string {
  return /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`;
}
