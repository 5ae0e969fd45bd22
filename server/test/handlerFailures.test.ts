import { ClientMessage } from "../../shared/protocol/names";
import type { BanStore, MemberStateStore } from "../deps";
import type { ChatStore } from "../features/chat/ChatStore";
import type { MeetupStore } from "../features/meetups/MeetupStore";
import { createLogger } from "../log";
import { SERVER_ERROR_REASON } from "../net/MessageGuard";
import { RoleIdentity, DESK_MAP, deskBeside } from "./desksHarness";
import { startTestServer, waitFor, type TestClient, type TestServer } from "./harness";
import { rejections } from "./meetupsHarness";

/**
 * Issue 14: the MessageGuard awaits every handler. Here every store an async
 * handler waits on fails (as a database outage would make them), and each
 * such message is sent again and again by several people: the room keeps
 * running, everyone else carries on, every sender hears a clear reason, and
 * the log says what failed, for whom, once per person per interval — with
 * no reconnection token in it. The failing stores are stand-ins for a
 * database that is down: the real outage is databaseOutage.test.ts.
 */

const down = () => Promise.reject(new Error("store unavailable (test)"));
const chat: ChatStore = { append: down, recent: down };
const meetups: MeetupStore = { list: async () => [], get: down, create: down, update: down };
const memberState: MemberStateStore = {
  loadStatus: async () => null,
  saveStatus: async () => undefined,
  loadDesks: async () => ({ policy: "anyone", claims: [] }),
  setDesk: down,
};
const bans: BanStore = { setBanned: down };

const logLines: string[] = [];
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    map: { ...DESK_MAP, zones: [{ name: "Room", type: "meeting", x: 0, y: 0, width: 7 * 32, height: 6 * 32 }] },
    deps: { identity: new RoleIdentity(), chat, meetups, memberState, bans },
    log: createLogger("warn", "test", (_level, line, details) => logLines.push([line, ...details.map(String)].join(" "))),
  });
});
afterAll(async () => {
  await server.close();
});

/** Each async handler, with a message that gets past every check to the failing store. */
function failingRequests(client: TestClient, victim: TestClient): Array<[string, () => void, RegExp]> {
  const desk = deskBeside(server.map, client.me(), "assignable").id;
  return [
    [ClientMessage.ChatSend, () => client.room.send(ClientMessage.ChatSend, { channel: "everyone", text: "hello" }), /message could not be saved/],
    [ClientMessage.ChatHistory, () => client.room.send(ClientMessage.ChatHistory, { channel: "everyone" }), /history could not be read/],
    [
      ClientMessage.MeetupSchedule,
      () => client.room.send(ClientMessage.MeetupSchedule, { title: "Standup", zoneId: server.map.zones[0].id, startsAt: Date.now() + 600_000, durationMinutes: 15 }),
      /meetup could not be saved/,
    ],
    [ClientMessage.ClaimDesk, () => client.room.send(ClientMessage.ClaimDesk, { desk }), /desk could not be saved/],
    [ClientMessage.Moderate, () => client.room.send(ClientMessage.Moderate, { action: "ban", target: victim.sessionId }), /ban could not be saved/],
  ];
}

test("every async handler failing, over and over, leaves the room running and others unaffected", async () => {
  const owners = [await server.join({ space: "fail", name: "Owner Ona" }), await server.join({ space: "fail", name: "Owner Oli" })];
  const bystander = await server.join({ space: "fail", name: "Member Bea" });
  const targets = [await server.join({ space: "fail", name: "Member T1" }), await server.join({ space: "fail", name: "Member T2" })];

  for (let round = 0; round < 4; round++) {
    for (const [i, owner] of owners.entries()) {
      for (const [, send] of failingRequests(owner, targets[i])) send();
    }
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the per-reason notice interval
  }
  for (const owner of owners) {
    for (const [type, , reason] of failingRequests(owner, targets[0])) {
      await waitFor(() => rejections(owner, type).some((r) => reason.test(r)), `${owner.me().name}'s ${type} failure to be told`);
      expect(rejections(owner, type)).not.toContain(SERVER_ERROR_REASON);
    }
  }

  // The room runs on: the bystander walks, sees everyone who was not banned, and was told nothing.
  const before = bystander.me();
  const after = await bystander.walk(0, 1, 3);
  expect(after.y).toBeGreaterThan(before.y);
  expect(bystander.rejected).toEqual([]);
  for (const owner of owners) expect(bystander.member(owner.sessionId)?.name).toMatch(/^Owner/);

  // One log line per person per interval however many failures; what failed and for whom; no tokens.
  const failureLines = logLines.filter((l) => l.includes("failed"));
  for (const owner of owners) {
    const theirs = failureLines.filter((l) => l.includes(owner.sessionId));
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatch(/"[a-z-]+" from .*m-Owner .*store unavailable/);
  }
  for (const c of [...owners, bystander]) {
    const token = c.room.reconnectionToken.split(":").pop()!;
    expect(logLines.some((l) => l.includes(token))).toBe(false);
  }
});
