import type { ServerMessages } from "../../shared/protocol/messages";
import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import { RoleIdentity } from "./desksHarness";
import { startTestServer, waitFor, type TestClient, type TestServer } from "./harness";
import { CHAT_MAP, settle } from "./chatHarness";

/** Waves, rings, emotes, locate, follow and profile changes against a real room. */

type Msg<K extends keyof ServerMessages> = ServerMessages[K];

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ map: CHAT_MAP, deps: { identity: new RoleIdentity() } });
});
afterAll(async () => {
  await server.close();
});

function rejections(client: TestClient, type: string): string[] {
  return client.rejected.filter((r) => r.type === type).map((r) => r.reason);
}

async function trio(space: string) {
  const ann = await server.join({ space, name: "Ann" });
  const ben = await server.join({ space, name: "Ben" });
  const cy = await server.join({ space, name: "Cy" });
  return { ann, ben, cy };
}

test("a wave reaches only the person waved at; waving at nobody is refused", async () => {
  const { ann, ben, cy } = await trio("wave");
  ann.room.send(ClientMessage.Wave, { to: ben.sessionId });
  const waved = await waitFor(() => ben.messages<Msg<typeof ServerMessage.Waved>>(ServerMessage.Waved)[0], "Ben's wave");
  expect(waved).toEqual({ from: ann.sessionId, name: "Ann" });
  ann.room.send(ClientMessage.Wave, { to: "nobody" });
  ann.room.send(ClientMessage.Wave, { to: ann.sessionId });
  await waitFor(() => rejections(ann, ClientMessage.Wave).length >= 2, "refusals");
  expect(rejections(ann, ClientMessage.Wave)).toEqual(["that person is not here", "you cannot wave at yourself"]);
  await settle(200);
  expect(cy.messages(ServerMessage.Waved)).toEqual([]);
});

/** A standing spot beside someone: at least a tile from them, within the three rings the server looks in. */
function besideBy(spot: { x: number; y: number }, person: { x: number; y: number }): boolean {
  const d = Math.max(Math.abs(spot.x - person.x), Math.abs(spot.y - person.y));
  return d >= 32 && d <= 3 * 32 + 16;
}

test("a ring is accepted (the callee gets the caller's position to walk to) or declined; it ends when the caller leaves", async () => {
  const { ann, ben, cy } = await trio("ring");
  ann.room.send(ClientMessage.Ring, { to: ben.sessionId });
  await waitFor(() => ben.messages(ServerMessage.Ring).length === 1, "Ben's ring");
  expect(ben.messages(ServerMessage.Ring)[0]).toEqual({ from: ann.sessionId, name: "Ann" });
  ann.room.send(ClientMessage.Ring, { to: ben.sessionId });
  await waitFor(() => rejections(ann, ClientMessage.Ring).includes("you are already ringing them"), "duplicate refused");

  ben.room.send(ClientMessage.RingAnswer, { from: ann.sessionId, accept: true });
  const result = await waitFor(() => ann.messages<Msg<typeof ServerMessage.RingResult>>(ServerMessage.RingResult)[0], "Ann's result");
  expect(result).toEqual({ to: ben.sessionId, name: "Ben", outcome: "accepted" });
  const there = await waitFor(() => ben.messages<Msg<typeof ServerMessage.Located>>(ServerMessage.Located)[0], "where Ann is");
  // Ben walks to a free spot beside Ann, not onto her (arrivals never stack).
  expect(there).toMatchObject({ id: ann.sessionId, zone: "Kitchen", purpose: "walk" });
  expect(besideBy(there, ann.me())).toBe(true);

  ben.room.send(ClientMessage.RingAnswer, { from: ann.sessionId, accept: true });
  await waitFor(() => rejections(ben, ClientMessage.RingAnswer).includes("that ring is no longer waiting"), "answered once");

  cy.room.send(ClientMessage.Ring, { to: ann.sessionId });
  await waitFor(() => ann.messages(ServerMessage.Ring).length === 1, "Ann rung by Cy");
  ann.room.send(ClientMessage.RingAnswer, { from: cy.sessionId, accept: false });
  await waitFor(() => cy.messages<Msg<typeof ServerMessage.RingResult>>(ServerMessage.RingResult)[0]?.outcome === "declined", "declined");
  expect(ann.messages(ServerMessage.Located)).toEqual([]);

  ben.room.send(ClientMessage.Ring, { to: cy.sessionId });
  await waitFor(() => cy.messages(ServerMessage.Ring).length === 1, "Cy rung by Ben");
  await ben.leave();
  const closed = await waitFor(() => cy.messages<Msg<typeof ServerMessage.RingClosed>>(ServerMessage.RingClosed)[0], "ring closed");
  expect(closed).toEqual({ from: ben.sessionId, outcome: "gone" });
});

test("emotes show to everyone in the space", async () => {
  const { ann, ben, cy } = await trio("emote");
  ben.room.send(ClientMessage.Emote, { kind: "thumbs-up" });
  for (const c of [ann, ben, cy]) {
    await waitFor(() => c.messages(ServerMessage.Emote).length === 1, "the emote");
    expect(c.messages(ServerMessage.Emote)[0]).toEqual({ id: ben.sessionId, kind: "thumbs-up" });
  }
  ben.room.send(ClientMessage.Emote, { kind: "<script>" });
  await waitFor(() => rejections(ben, ClientMessage.Emote).includes("malformed payload"), "unknown emote refused");
});

test("locate answers where someone is, even far away; follow streams their moves until they leave", async () => {
  const { ann, ben } = await trio("follow");
  ann.room.send(ClientMessage.Locate, { to: ben.sessionId, purpose: "locate" });
  const found = await waitFor(() => ann.messages<Msg<typeof ServerMessage.Located>>(ServerMessage.Located)[0], "Ben located");
  expect(found).toMatchObject({ id: ben.sessionId, x: 20 * 32 + 16, purpose: "locate", zone: "" });

  ann.room.send(ClientMessage.Follow, { to: ben.sessionId });
  await waitFor(() => ann.messages<Msg<typeof ServerMessage.Located>>(ServerMessage.Located).some((l) => l.purpose === "follow"), "first follow position");
  const moved = await ben.walk(-1, 0, 20);
  const update = await waitFor(
    () => ann.messages<Msg<typeof ServerMessage.Located>>(ServerMessage.Located).find((l) => l.purpose === "follow" && besideBy(l, moved)),
    "a follow update beside Ben's new position",
  );
  expect(update).toMatchObject({ id: ben.sessionId });

  await ben.leave();
  const ended = await waitFor(() => ann.messages<Msg<typeof ServerMessage.FollowEnded>>(ServerMessage.FollowEnded)[0], "follow ended");
  expect(ended).toEqual({ id: ben.sessionId, reason: "left" });
  ann.room.send(ClientMessage.Follow, { to: "gone-person" });
  await waitFor(() => rejections(ann, ClientMessage.Follow).includes("that person is not here"), "follow refused");
});

test("set-profile renames nobody to what it carries: without stored profiles, names stay (issue 15)", async () => {
  const { ann, ben } = await trio("profile");
  ann.room.send(ClientMessage.SetProfile, { name: "Owner Olga", avatar: "bo" });
  await waitFor(() => rejections(ann, ClientMessage.SetProfile).length > 0, "the refusal");
  expect(rejections(ann, ClientMessage.SetProfile)).toEqual(["this office keeps no profiles: names cannot change here"]);
  ann.room.send(ClientMessage.SetProfile, { name: "x".repeat(33) });
  await waitFor(() => rejections(ann, ClientMessage.SetProfile).includes("malformed payload"), "too long refused");
  expect(ben.member(ann.sessionId)?.name).toBe("Ann");
});
