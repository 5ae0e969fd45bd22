import type { Role } from "../../deps";
import type { AuditEntryDoc } from "../../db/models/AuditEntry";
import type { InviteDoc } from "../../db/models/Invite";
import { inviteState } from "../../db/repositories/InviteRepository";
import type { MapDoc } from "../../db/models/Map";
import type { MemberDoc } from "../../db/models/Member";
import type { SpaceDoc } from "../../db/models/Space";
import type { MapSummary } from "../../db/repositories/MapRepository";

/** What the API shows of its records: never password hashes, token hashes or internal ids of other records. */

export function memberView(member: MemberDoc) {
  return {
    id: member._id.toHexString(),
    displayName: member.displayName,
    avatar: member.avatar,
    email: member.email ?? null,
    guest: !member.email,
    // Only once chosen, so a member who never chose reads exactly as before.
    ...(member.hearingTiles !== undefined && member.hearingTiles !== null ? { hearingTiles: member.hearingTiles } : {}),
  };
}

export function spaceView(space: SpaceDoc, role: Role | null) {
  return {
    slug: space.slug,
    name: space.name,
    activeMapVersion: space.activeMapVersion,
    settings: space.settings,
    role,
  };
}

export function mapSummaryView(map: MapSummary | MapDoc, activeVersion: number) {
  return {
    version: map.version,
    name: map.name,
    checksum: map.checksum,
    sizeBytes: map.sizeBytes,
    width: map.width,
    height: map.height,
    uploadedBy: map.uploadedBy ? map.uploadedBy.toHexString() : null,
    createdAt: map.createdAt,
    active: map.version === activeVersion,
  };
}

export function inviteView(invite: InviteDoc, now = new Date()) {
  return {
    id: invite._id.toHexString(),
    role: invite.role,
    maxUses: invite.maxUses ?? 1,
    uses: invite.uses,
    expiresAt: invite.expiresAt,
    revokedAt: invite.revokedAt ?? null,
    lastUsedAt: invite.lastUsedAt ?? null,
    createdAt: invite.createdAt,
    state: inviteState(invite, invite.space, now),
  };
}

export function auditView(entry: AuditEntryDoc) {
  return {
    id: entry._id.toHexString(),
    actor: entry.actor ? entry.actor.toHexString() : null,
    actorName: entry.actorName,
    action: entry.action,
    target: entry.target,
    detail: entry.detail,
    at: entry.at,
  };
}
