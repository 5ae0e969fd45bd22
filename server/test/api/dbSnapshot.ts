import type { TestDatabase } from "../../db/repositories/testDatabase";

/**
 * Everything an admin route could change (spaces, members, invites, bans, the
 * audit log, maps), as plain JSON, so a test can assert that a refusal left
 * the database exactly as it was.
 */
export async function dbSnapshot(t: TestDatabase): Promise<string> {
  const { Space, Member, Invite, DeviceBan, AuditEntry, Map } = t.models;
  const [spaces, members, invites, bans, audit, maps] = await Promise.all([
    Space.find().sort({ _id: 1 }).lean().exec(),
    Member.find().sort({ _id: 1 }).lean().exec(),
    Invite.find().sort({ _id: 1 }).lean().exec(),
    DeviceBan.find().sort({ _id: 1 }).lean().exec(),
    AuditEntry.find().sort({ _id: 1 }).lean().exec(),
    Map.find({}, { tiled: 0 }).sort({ _id: 1 }).lean().exec(),
  ]);
  return JSON.stringify({ spaces, members, invites, bans, audit, maps });
}
