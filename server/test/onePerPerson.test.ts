import { Client, type Room } from "colyseus.js";
import { ClientMessage, OFFICE_ROOM, ServerMessage } from "../../shared/protocol/names";
import { REPLACED_REASON } from "../rooms/PersonSessions";
import { RoleIdentity } from "./desksHarness";
import { startTestServer, TestClient, waitFor, type TestServer } from "./harness";

/**
 * Issue 15: one connection per person per space. A newer connection of the
 * same person (RoleIdentity: the same name is the same member) replaces the
 * earlier one, which is told why and closed for good; rate limits follow
 * the person, so opening socket after socket buys nothing.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ deps: { identity: new RoleIdentity() }, config: { reconnectSeconds: 30 } });
});
afterAll(async () => {
  await server.close();
});

/** Resolves with what a replaced connection was told and its close code. */
function removal(room: Room): Promise<{ notice: unknown; code: number }> {
  let notice: unknown;
  room.onMessage(ServerMessage.Removed, (n: unknown) => (notice = n));
  return new Promise((resolve) => room.onLeave((code) => resolve({ notice, code })));
}

test("a second tab replaces the first: the first is told why and closed; the person is in the room once", async () => {
  const watcher = await server.join({ space: "tabs", name: "Member Wes" });
  const first = await server.join({ space: "tabs", name: "Member Ann" });
  const gone = removal(first.room);
  const second = await server.join({ space: "tabs", name: "Member Ann" });

  expect(await gone).toEqual({ notice: { banned: false, reason: REPLACED_REASON }, code: 4000 });
  await waitFor(() => !watcher.member(first.sessionId), "the first tab's avatar to go");
  const anns = () => watcher.memberIds().filter((id) => watcher.member(id)?.name === "Member Ann");
  expect(anns()).toEqual([second.sessionId]);
  expect(second.memberIds()).toEqual([first.sessionId, second.sessionId, watcher.sessionId].filter((id) => id !== first.sessionId).sort());
  // The closed tab cannot come back with its old token.
  await expect(TestClient.reconnect(server.url, first.room.reconnectionToken)).rejects.toThrow();
});

test("a newer connection also ends a dropped one that waits to reconnect", async () => {
  const watcher = await server.join({ space: "held", name: "Member Wes" });
  const first = await server.join({ space: "held", name: "Member Bo" });
  const token = await first.drop();
  await waitFor(() => watcher.member(first.sessionId)?.moving === false, "the held avatar");
  const second = await server.join({ space: "held", name: "Member Bo" });
  await waitFor(() => !watcher.member(first.sessionId), "the held avatar to go");
  expect(watcher.memberIds().filter((id) => watcher.member(id)?.name === "Member Bo")).toEqual([second.sessionId]);
  await expect(TestClient.reconnect(server.url, token)).rejects.toThrow();
});

test("limits are the person's: thirty sockets opened one after another get one burst between them", async () => {
  const watcher = await server.join({ space: "sockets", name: "Member Wes" });
  const emotes: string[] = [];
  watcher.room.onMessage(ServerMessage.Emote, (e: { id: string }) => emotes.push(e.id));
  const started = Date.now();
  const sessions = new Set<string>();
  let room: Room | undefined;
  for (let i = 0; i < 30; i++) {
    room = await new Client(server.url).joinOrCreate(OFFICE_ROOM, { space: "sockets", name: "Member Sam", avatar: "ada" });
    sessions.add(room.sessionId);
    for (let k = 0; k < 5; k++) room.send(ClientMessage.Emote, { kind: "wave" });
  }
  // The last socket's emotes have been handled once it hears about a message of its own.
  const last = [...sessions].at(-1)!;
  await waitFor(() => watcher.member(last), "the last socket to be in");
  await new Promise((resolve) => setTimeout(resolve, 300));
  const seconds = (Date.now() - started) / 1000;
  const fromSam = emotes.filter((id) => sessions.has(id)).length;
  // Emotes: a burst of 5, then 1 a second (its declaration in shared/protocol/socialMessages.ts); 30 sockets × 5 would be 150.
  expect(fromSam).toBeLessThanOrEqual(5 + Math.ceil(seconds) + 1);
  expect(watcher.memberIds().filter((id) => sessions.has(id))).toEqual([last]);
  await room!.leave(true);
});
