import type { SpaceRole } from "../moderation/canModerate";

export type { SpaceRole };

/**
 * Who may do what with meetups and zones (issue 6). Pure: the room asks these
 * with what it knows of a person (their role in the space and stable member id).
 */

export type MeetupHostsSetting = "anyone" | "members" | "admins";

export interface Actor {
  memberId: string;
  role: SpaceRole;
}

/** The parts of a meetup that decide permissions. */
export interface MeetupOwnership {
  hosts: ReadonlyArray<{ memberId: string }>;
}

function isAdmin(role: SpaceRole): boolean {
  return role === "owner" || role === "admin";
}

/** Whether the space's `meetupHosts` setting lets this person schedule meetups. */
export function maySchedule(actor: Actor, setting: MeetupHostsSetting): boolean {
  switch (setting) {
    case "anyone":
      return true;
    case "members":
      return actor.role !== "guest";
    case "admins":
      return isAdmin(actor.role);
  }
}

/**
 * Whether this person runs the meetup: one of its hosts, or an admin of the
 * space (so a meetup whose hosts vanished can still be ended or cancelled).
 * Hosts edit, cancel, start and end it, and use every host control.
 */
export function mayHost(actor: Actor, meetup: MeetupOwnership): boolean {
  return meetup.hosts.some((h) => h.memberId === actor.memberId) || isAdmin(actor.role);
}

/**
 * Whether someone may lock a zone: a private zone by anyone inside it;
 * any zone of a live meetup by its hosts (they must stand inside too, or
 * they would lock themselves out).
 */
export function mayLockZone(zoneType: string, inside: boolean, hostsLiveMeetupThere: boolean): boolean {
  if (!inside) return false;
  return zoneType === "private" || hostsLiveMeetupThere;
}
