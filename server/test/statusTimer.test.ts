import { parseMap } from "../../shared/map/parseMap";
import { buildTestMap } from "../../shared/map/testMap";
import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import { FOCUS_END_GRACE_MS } from "../../shared/status/focusTimer";
import type { Identity } from "../deps";
import { StatusService } from "../features/status/StatusService";
import { silentLogger } from "../log";
import type { RoomContext } from "../rooms/RoomFeature";
import { MemberState } from "../schema/MemberState";
import { OfficeState } from "../schema/OfficeState";
import { DESK_MAP } from "./desksHarness";

/**
 * The focus timer's whole course inside the StatusService, on a clock the test
 * drives (a real room cannot wait 25 minutes). The room around it is reduced
 * to what the service touches: handlers it registers and messages it sends.
 */

const MIN = 60_000;

function setup() {
  let now = 1_000_000;
  const handlers = new Map<string, (client: { sessionId: string }, payload: unknown, reject: (r: string) => void) => void>();
  const sent: Array<{ to: string; type: string; body: unknown }> = [];
  const refusals: string[] = [];
  const state = new OfficeState();
  const context = {
    space: "timer",
    state,
    map: parseMap(buildTestMap(DESK_MAP)),
    guard: { on: (type: string, handler: never) => handlers.set(type, handler) },
    deps: {},
    log: silentLogger,
    client: (id: string) => ({ send: (type: string, body: unknown) => sent.push({ to: id, type, body }) }),
  } as unknown as RoomContext;
  const service = new StatusService(context, () => now);
  service.register();
  const member = new MemberState();
  member.id = "s1";
  state.members.set("s1", member);
  const identity: Identity = { memberId: "m1", name: "Tim", avatar: "ada", role: "member", space: "timer" };
  const send = (type: string, payload: unknown) => handlers.get(type)!({ sessionId: "s1" }, payload, (r) => refusals.push(r));
  return {
    service,
    member,
    sent,
    refusals,
    send,
    join: () => service.onJoin(member, identity),
    advance(ms: number) {
      now += ms;
      service.tick();
    },
  };
}

describe("focus timer in the status service", () => {
  it("ends with a gentle notice, keeps Focus for the grace period, then returns to Available", async () => {
    const t = setup();
    await t.join();
    t.send(ClientMessage.FocusTimer, { action: "start", minutes: 25 });
    expect([t.member.status, t.member.focusEnd - t.member.focusStart]).toEqual(["focus", 25 * MIN]);

    t.advance(25 * MIN);
    expect(t.sent).toEqual([{ to: "s1", type: ServerMessage.FocusTimerEnded, body: { graceSeconds: FOCUS_END_GRACE_MS / 1000 } }]);
    // The ring shows full: no start, the end time kept.
    expect([t.member.status, t.member.focusStart, t.member.focusEnd > 0]).toEqual(["focus", 0, true]);

    t.advance(FOCUS_END_GRACE_MS);
    expect([t.member.status, t.member.focusEnd]).toEqual(["available", 0]);
    expect(t.sent).toHaveLength(1);
  });

  it("'stay' keeps Focus as the chosen status; 'done' after a later timer returns to Available", async () => {
    const t = setup();
    await t.join();
    t.send(ClientMessage.FocusTimer, { action: "start", minutes: 1 });
    t.advance(MIN);
    t.send(ClientMessage.FocusTimer, { action: "stay" });
    t.advance(10 * FOCUS_END_GRACE_MS);
    expect([t.member.status, t.member.focusEnd]).toEqual(["focus", 0]);

    t.send(ClientMessage.FocusTimer, { action: "start", minutes: 50 });
    t.advance(50 * MIN);
    t.send(ClientMessage.FocusTimer, { action: "done" });
    expect(t.member.status).toBe("available");
    expect(t.refusals).toEqual([]);
  });

  it("a busy person returns to Busy; someone at a focus desk stays in Focus", async () => {
    const t = setup();
    await t.join();
    t.send(ClientMessage.SetStatus, { kind: "busy" });
    t.send(ClientMessage.FocusTimer, { action: "start", minutes: 5 });
    expect(t.member.status).toBe("focus");
    t.advance(5 * MIN + FOCUS_END_GRACE_MS);
    t.advance(FOCUS_END_GRACE_MS);
    expect(t.member.status).toBe("busy");

    t.service.setAtFocusDesk("s1", true);
    t.send(ClientMessage.FocusTimer, { action: "start", minutes: 5 });
    t.advance(5 * MIN);
    t.advance(FOCUS_END_GRACE_MS);
    expect(t.member.status).toBe("focus");
    t.service.setAtFocusDesk("s1", false);
    expect(t.member.status).toBe("busy");
  });

  it("refuses 'stay' before the end, and idle does not interrupt Focus", async () => {
    const t = setup();
    await t.join();
    t.send(ClientMessage.FocusTimer, { action: "start", minutes: 5 });
    t.send(ClientMessage.FocusTimer, { action: "stay" });
    expect(t.refusals).toEqual(["your focus timer has not ended"]);
    t.send(ClientMessage.SetIdle, { idle: true });
    expect(t.member.status).toBe("focus");
    t.send(ClientMessage.FocusTimer, { action: "cancel" });
    expect(t.member.status).toBe("away");
    t.send(ClientMessage.SetIdle, { idle: false });
    expect(t.member.status).toBe("available");
  });
});
