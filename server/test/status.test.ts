import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import { STATUS_TEXT_MAX } from "../../shared/status/statusKinds";
import { startTestServer, waitFor, type TestClient, type TestServer } from "./harness";
import { DESK_MAP, RoleIdentity, STATUS_MESSAGES, recordMessages, statusOf } from "./desksHarness";

/** Statuses, auto-away, the focus timer and knocking, against a real room with the conversation feature. */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ map: DESK_MAP, deps: { identity: new RoleIdentity() } });
});
afterAll(async () => {
  await server.close();
});

function rejections(client: TestClient, type: string): string[] {
  return client.rejected.filter((r) => r.type === type).map((r) => r.reason);
}

async function joinRecording(space: string, name: string) {
  const client = await server.join({ space, name });
  return { client, messages: recordMessages(client, STATUS_MESSAGES) };
}

/** Walks `walker` until it stands within `tiles` of `target` horizontally (same row band as the map allows). */
async function walkNextTo(walker: TestClient, target: TestClient, tiles = 1): Promise<void> {
  const goal = target.me();
  for (let i = 0; i < 20; i++) {
    const me = walker.me();
    const dx = Math.sign(goal.x + tiles * 32 - me.x) as -1 | 0 | 1;
    const dy = Math.sign(goal.y - me.y) as -1 | 0 | 1;
    if (dx === 0 && dy === 0) return;
    await walker.walk(dx, dy, Math.min(8, Math.max(1, Math.ceil(Math.max(Math.abs(goal.x + tiles * 32 - me.x), Math.abs(goal.y - me.y)) / 8))));
  }
}

describe("statuses", () => {
  test("a chosen status and text show to everyone; bad ones are refused", async () => {
    const ann = await server.join({ space: "choose", name: "Member Ann" });
    const ben = await server.join({ space: "choose", name: "Member Ben" });
    ann.room.send(ClientMessage.SetStatus, { kind: "busy", text: "  writing the report " });
    await waitFor(() => statusOf(ben, ann.sessionId)?.status === "busy", "Ben to see Ann busy");
    expect(statusOf(ben, ann.sessionId)?.statusText).toBe("writing the report");

    ann.room.send(ClientMessage.SetStatus, { kind: "sleeping" });
    ann.room.send(ClientMessage.SetStatus, { kind: "busy", text: "x".repeat(STATUS_TEXT_MAX + 1) });
    ann.room.send(ClientMessage.SetStatus, { kind: "busy", text: "line\nbreak" });
    await waitFor(() => rejections(ann, ClientMessage.SetStatus).length >= 1, "refusals");
    // Identical refusals are throttled to one notice a second; what matters is that nothing changed.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rejections(ann, ClientMessage.SetStatus).every((r) => r === "malformed payload")).toBe(true);
    expect(statusOf(ben, ann.sessionId)).toMatchObject({ status: "busy", statusText: "writing the report" });

    ann.room.send(ClientMessage.SetStatus, { kind: "available", text: "" });
    await waitFor(() => statusOf(ben, ann.sessionId)?.status === "available" && statusOf(ben, ann.sessionId)?.statusText === "", "cleared");
  });

  test("idle turns a busy person away; activity brings busy back", async () => {
    const ann = await server.join({ space: "idle", name: "Member Ann" });
    ann.room.send(ClientMessage.SetStatus, { kind: "busy" });
    await waitFor(() => statusOf(ann)?.status === "busy", "busy");
    ann.room.send(ClientMessage.SetIdle, { idle: true });
    await waitFor(() => statusOf(ann)?.status === "away", "auto-away");
    ann.room.send(ClientMessage.SetIdle, { idle: false });
    await waitFor(() => statusOf(ann)?.status === "busy", "busy again");
  });

  test("a focus timer sets Focus and a ring (start and end times); cancelling returns the chosen status", async () => {
    const ann = await server.join({ space: "timer", name: "Member Ann" });
    const before = Date.now();
    ann.room.send(ClientMessage.FocusTimer, { action: "start", minutes: 25 });
    const running = await waitFor(() => {
      const s = statusOf(ann);
      return s?.status === "focus" && s.focusEnd > 0 && s;
    }, "timer running");
    expect(running.focusStart).toBeGreaterThanOrEqual(before);
    expect(running.focusEnd - running.focusStart).toBe(25 * 60_000);

    ann.room.send(ClientMessage.FocusTimer, { action: "stay" });
    await waitFor(() => rejections(ann, ClientMessage.FocusTimer).length === 1, "stay refused before the end");
    expect(rejections(ann, ClientMessage.FocusTimer)).toEqual(["your focus timer has not ended"]);
    ann.room.send(ClientMessage.FocusTimer, { action: "start", minutes: 0 });

    ann.room.send(ClientMessage.FocusTimer, { action: "cancel" });
    await waitFor(() => statusOf(ann)?.status === "available" && statusOf(ann)?.focusEnd === 0, "timer cancelled");
  });
});

describe("focus and knocking", () => {
  test("walking by a focused person starts no conversation; a knock accepted starts one with just the two", async () => {
    const { client: fay, messages: fayMessages } = await joinRecording("knock", "Member Fay");
    const { client: ken, messages: kenMessages } = await joinRecording("knock", "Member Ken");
    const desk = server.map.desks.find((d) => d.kind === "focus" && Math.hypot(d.x - fay.me().x, d.y - fay.me().y) <= 48)!;
    fay.room.send(ClientMessage.Sit, { desk: desk.id });
    await waitFor(() => statusOf(ken, fay.sessionId)?.status === "focus", "Ken to see Fay in focus");

    await walkNextTo(ken, fay);
    expect(Math.hypot(ken.me().x - fay.me().x, ken.me().y - fay.me().y)).toBeLessThanOrEqual(2 * 32);
    // Several recomputes pass (10 Hz): still nobody is talking.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const joined = (log: typeof kenMessages) =>
      log.filter((m) => m.type === ServerMessage.Conversation && (m.body as { groupId: string | null }).groupId !== null);
    expect(joined(kenMessages)).toEqual([]);
    expect(joined(fayMessages)).toEqual([]);

    ken.room.send(ClientMessage.Knock, { to: fay.sessionId });
    const knock = await waitFor(() => fayMessages.find((m) => m.type === ServerMessage.Knock), "Fay to hear the knock");
    expect(knock.body).toEqual({ from: ken.sessionId, name: "Member Ken" });
    ken.room.send(ClientMessage.Knock, { to: fay.sessionId });
    await waitFor(() => rejections(ken, ClientMessage.Knock).length === 1, "a second knock refused");
    expect(rejections(ken, ClientMessage.Knock)).toEqual(["you already knocked; wait for an answer"]);

    fay.room.send(ClientMessage.KnockAnswer, { from: ken.sessionId, accept: true });
    const result = await waitFor(() => kenMessages.find((m) => m.type === ServerMessage.KnockResult), "Ken to hear back");
    expect(result.body).toEqual({ to: fay.sessionId, name: "Member Fay", outcome: "accepted" });
    const kenIn = await waitFor(() => joined(kenMessages)[0], "Ken's conversation");
    const fayIn = await waitFor(() => joined(fayMessages)[0], "Fay's conversation");
    const peersOf = (m: typeof kenIn) => (m.body as { peers: Array<{ id: string }> }).peers.map((p) => p.id);
    expect(peersOf(kenIn)).toEqual([fay.sessionId]);
    expect(peersOf(fayIn)).toEqual([ken.sessionId]);
    // Fay keeps her do-not-disturb for everyone else.
    expect(statusOf(ken, fay.sessionId)?.status).toBe("focus");

    // Walking clearly away ends the knock's conversation, as with any proximity conversation.
    await ken.walk(1, 0, 60);
    await waitFor(() => {
      const last = kenMessages.filter((m) => m.type === ServerMessage.Conversation).at(-1);
      return last && (last.body as { groupId: string | null }).groupId === null;
    }, "Ken's knock conversation to end", 10_000);
  });

  test("a declined knock tells the knocker and keeps them from knocking again at once; available people need no knock", async () => {
    const { client: fay, messages: fayMessages } = await joinRecording("decline", "Member Fay");
    const { client: ken, messages: kenMessages } = await joinRecording("decline", "Member Ken");
    ken.room.send(ClientMessage.Knock, { to: fay.sessionId });
    await waitFor(() => rejections(ken, ClientMessage.Knock).length === 1, "knock on an available person refused");
    expect(rejections(ken, ClientMessage.Knock)).toEqual(["they are available: just walk up to them"]);

    fay.room.send(ClientMessage.SetStatus, { kind: "busy" });
    await waitFor(() => statusOf(ken, fay.sessionId)?.status === "busy", "Fay busy");
    ken.room.send(ClientMessage.Knock, { to: fay.sessionId });
    await waitFor(() => fayMessages.find((m) => m.type === ServerMessage.Knock), "the knock");
    fay.room.send(ClientMessage.KnockAnswer, { from: ken.sessionId, accept: false });
    const result = await waitFor(() => kenMessages.find((m) => m.type === ServerMessage.KnockResult), "Ken to hear back");
    expect(result.body).toMatchObject({ outcome: "declined" });

    // Answering twice, or a knock nobody made, is refused.
    fay.room.send(ClientMessage.KnockAnswer, { from: ken.sessionId, accept: true });
    await waitFor(() => rejections(fay, ClientMessage.KnockAnswer).length === 1, "stale answer refused");
    expect(rejections(fay, ClientMessage.KnockAnswer)).toEqual(["that knock is no longer waiting"]);

    // The knock rate limit allows a few; the cooldown refuses this one.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    ken.room.send(ClientMessage.Knock, { to: fay.sessionId });
    await waitFor(() => rejections(ken, ClientMessage.Knock).length === 2, "cooldown");
    expect(rejections(ken, ClientMessage.Knock)[1]).toBe("they declined a moment ago; try again later");
    expect(kenMessages.filter((m) => m.type === ServerMessage.Conversation && (m.body as { groupId: unknown }).groupId)).toEqual([]);
  });

  test("hanging up on a knock's conversation ends it for both, though they still stand together", async () => {
    const { client: fay, messages: fayMessages } = await joinRecording("knock-leave", "Member Fay");
    const { client: ken, messages: kenMessages } = await joinRecording("knock-leave", "Member Ken");
    fay.room.send(ClientMessage.SetStatus, { kind: "focus" });
    await waitFor(() => statusOf(ken, fay.sessionId)?.status === "focus", "Fay in focus");
    await walkNextTo(ken, fay);
    ken.room.send(ClientMessage.Knock, { to: fay.sessionId });
    await waitFor(() => fayMessages.find((m) => m.type === ServerMessage.Knock), "the knock");
    fay.room.send(ClientMessage.KnockAnswer, { from: ken.sessionId, accept: true });
    const groupOf = (log: typeof kenMessages) =>
      (log.filter((m) => m.type === ServerMessage.Conversation).at(-1)?.body as { groupId: string | null } | undefined)?.groupId;
    await waitFor(() => groupOf(kenMessages) && groupOf(fayMessages), "the knock's conversation");

    fay.room.send(ClientMessage.LeaveConversation, {});
    await waitFor(() => groupOf(fayMessages) === null && groupOf(kenMessages) === null, "both hanging up");
    // The accepted knock does not pull Fay back in while they stand there.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(groupOf(fayMessages)).toBeNull();
    expect(rejections(fay, ClientMessage.LeaveConversation)).toEqual([]);

    // Ken steps back past the hearing range but not as far as would end the knock (≤ 8 tiles): hanging up ended the knock too.
    await ken.walk(1, 0, 20);
    const apart = Math.hypot(ken.me().x - fay.me().x, ken.me().y - fay.me().y) / 32;
    expect(apart).toBeGreaterThan(4.5);
    expect(apart).toBeLessThan(8);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(groupOf(fayMessages)).toBeNull();
    expect(groupOf(kenMessages)).toBeNull();
  });

  test("a knocker who leaves withdraws the knock from the door", async () => {
    const { client: fay, messages: fayMessages } = await joinRecording("withdraw", "Member Fay");
    const ken = await server.join({ space: "withdraw", name: "Member Ken" });
    fay.room.send(ClientMessage.SetStatus, { kind: "focus" });
    await waitFor(() => statusOf(ken, fay.sessionId)?.status === "focus", "Fay in focus");
    ken.room.send(ClientMessage.Knock, { to: fay.sessionId });
    await waitFor(() => fayMessages.find((m) => m.type === ServerMessage.Knock), "the knock");
    const kenId = ken.sessionId;
    await ken.leave();
    const closed = await waitFor(() => fayMessages.find((m) => m.type === ServerMessage.KnockClosed), "the knock withdrawn");
    expect(closed.body).toEqual({ from: kenId, outcome: "gone" });
  });
});
