import { ClientMessage } from "../../shared/protocol/names";
import { RoleIdentity } from "./desksHarness";
import { startTestServer, waitFor, type TestClient, type TestServer } from "./harness";

/**
 * Everyone's role reaches every client (so pages offer Kick/Ban only where it
 * can work), and the room refuses removals above or beside the actor's rank
 * with a reason a person can read. RoleIdentity: the name's first word is the role.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ deps: { identity: new RoleIdentity() } });
});
afterAll(async () => {
  await server.close();
});

function roleOf(viewer: TestClient, sessionId: string): string | undefined {
  return (viewer.room.state as { members?: { get(id: string): { role: string } | undefined } }).members?.get(sessionId)?.role;
}

async function refusal(client: TestClient, count: number): Promise<string> {
  const found = await waitFor(() => {
    const moderate = client.rejected.filter((r) => r.type === ClientMessage.Moderate);
    return moderate.length >= count && moderate;
  }, `refusal #${count}`);
  return found[count - 1]!.reason;
}

test("each member's role, from the identity the server admitted, reaches every other client", async () => {
  const owner = await server.join({ space: "roles", name: "Owner Olga" });
  const admin = await server.join({ space: "roles", name: "Admin Ada" });
  const member = await server.join({ space: "roles", name: "Plain Pat" });
  const guest = await server.join({ space: "roles", name: "Guest Gil" });
  const expected: Record<string, string> = {
    [owner.sessionId]: "owner",
    [admin.sessionId]: "admin",
    [member.sessionId]: "member",
    [guest.sessionId]: "guest",
  };
  for (const viewer of [owner, admin, member, guest]) {
    await waitFor(() => Object.keys(expected).every((id) => roleOf(viewer, id) !== undefined), "every role to arrive");
    for (const [id, role] of Object.entries(expected)) expect(roleOf(viewer, id)).toBe(role);
  }
  // A late joiner gets the roles in its first full state.
  const late = await server.join({ space: "roles", name: "Guest Lee" });
  for (const [id, role] of Object.entries(expected)) expect(roleOf(late, id)).toBe(role);
  expect(roleOf(owner, late.sessionId) ?? (await waitFor(() => roleOf(owner, late.sessionId), "the late role"))).toBe("guest");
  await Promise.all([owner, admin, member, guest, late].map((c) => c.leave()));
});

test("an admin is refused, with the reason, on the owner, another admin and themselves; a plain member goes", async () => {
  const owner = await server.join({ space: "refuse", name: "Owner Otto" });
  const admin = await server.join({ space: "refuse", name: "Admin Abe" });
  const otherAdmin = await server.join({ space: "refuse", name: "Admin Amy" });
  const member = await server.join({ space: "refuse", name: "Plain Pia" });

  admin.room.send(ClientMessage.Moderate, { action: "kick", target: owner.sessionId });
  expect(await refusal(admin, 1)).toBe("an admin cannot remove an owner");
  admin.room.send(ClientMessage.Moderate, { action: "ban", target: otherAdmin.sessionId });
  expect(await refusal(admin, 2)).toBe("an admin cannot remove another admin");
  admin.room.send(ClientMessage.Moderate, { action: "kick", target: admin.sessionId });
  expect(await refusal(admin, 3)).toBe("you cannot remove yourself");
  // (The same reason twice to one client within a few seconds is sent once, so the owner tries this one.)
  owner.room.send(ClientMessage.Moderate, { action: "ban", target: owner.sessionId });
  expect(await refusal(owner, 1)).toBe("you cannot remove yourself");
  member.room.send(ClientMessage.Moderate, { action: "kick", target: admin.sessionId });
  expect(await refusal(member, 1)).toBe("only owners and admins can remove people");

  // Allowed: the member is disconnected; the refused ones are all still here.
  admin.room.send(ClientMessage.Moderate, { action: "kick", target: member.sessionId });
  await waitFor(() => !member.connected, "the member to be kicked");
  await waitFor(() => !admin.memberIds().includes(member.sessionId), "the member gone from the admin's state");
  expect(admin.memberIds()).toEqual([owner.sessionId, admin.sessionId, otherAdmin.sessionId].sort());
  expect([owner, admin, otherAdmin].every((c) => c.connected)).toBe(true);
  await Promise.all([owner, admin, otherAdmin].map((c) => c.leave()));
});
