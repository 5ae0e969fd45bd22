import { footBlocked } from "../../shared/rules/movement";
import { PROTOCOL_VERSION } from "../../shared/protocol/names";
import { STEP_PX, TICK_MS } from "../../shared/rules/constants";
import { startTestServer, waitFor, type MemberView, type TestServer } from "./harness";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe("OfficeRoom", () => {
  test("two clients join, get a welcome, and see each other", async () => {
    const ann = await server.join({ space: "meet", name: "Ann", avatar: "ada" });
    const ben = await server.join({ space: "meet", name: "Ben", avatar: "gus" });

    expect(await ann.welcome).toEqual({
      protocol: PROTOCOL_VERSION,
      space: "meet",
      selfId: ann.sessionId,
      mapUrl: "/api/spaces/meet/map",
      // Which map the room runs, so a page can tell when it must load another.
      mapVersion: 1,
      // The role comes from the identity (a guest here), so the page knows which controls to offer.
      role: "guest",
    });
    expect((await ben.welcome).selfId).toBe(ben.sessionId);

    const benSeenByAnn = await waitFor(() => ann.member(ben.sessionId), "Ann to see Ben");
    const annSeenByBen = await waitFor(() => ben.member(ann.sessionId), "Ben to see Ann");
    expect(benSeenByAnn).toMatchObject({ id: ben.sessionId, name: "Ben", avatar: "gus", facing: "down", moving: false });
    expect(annSeenByBen).toMatchObject({ id: ann.sessionId, name: "Ann", avatar: "ada" });
    expect(annSeenByBen.memberId).toMatch(/^guest-/);
    // Round-robin spawns: the second person does not land on the first.
    expect([annSeenByBen.x, annSeenByBen.y]).not.toEqual([benSeenByAnn.x, benSeenByAnn.y]);
    for (const m of [annSeenByBen, benSeenByAnn]) expect(footBlocked(server.map, m.x, m.y)).toBe(false);

    await ann.leave();
    await ben.leave();
  });

  test("five moves right advance exactly 5 steps, acknowledged, and the other client sees it", async () => {
    const walker = await server.join({ space: "walk" });
    const watcher = await server.join({ space: "walk" });
    const start = await waitFor(() => watcher.member(walker.sessionId), "watcher to see walker");

    const last = walker.sendMoves(1, 0, 5);
    const seen = await waitFor(() => {
      const m = watcher.member(walker.sessionId);
      return m && m.x === start.x + 5 * STEP_PX && m;
    }, "watcher to see the walker 5 steps right");
    expect(seen).toMatchObject({ y: start.y, facing: "right" });
    const me = await waitFor(() => walker.member()?.ack === last && walker.me(), "walker's ack");
    expect(me.x).toBe(start.x + 5 * STEP_PX);
    // With no more input the avatar comes to rest.
    await waitFor(() => watcher.member(walker.sessionId)?.moving === false, "walker to stop moving");
    expect(walker.rejected).toEqual([]);

    await walker.leave();
    await watcher.leave();
  });

  test("a wall stops the avatar flush, never inside a blocked tile", async () => {
    const walker = await server.join({ space: "wall" }); // first spawn: tile (2,2), left of the wall in column 12
    const start = walker.me();
    const trail: MemberView[] = [];
    walker.onPositions(() => trail.push(walker.me()));

    const end = await walker.walk(1, 0, 45);
    const wallLeft = 12 * server.map.tileSize;
    expect(start.x).toBeLessThan(wallLeft);
    expect(end.x).toBe(wallLeft - 10); // foot half-width: standing right against the wall
    expect(end.y).toBe(start.y);
    expect(trail.length).toBeGreaterThan(0);
    for (const p of trail) {
      expect(footBlocked(server.map, p.x, p.y)).toBe(false);
      expect(p.x).toBeLessThanOrEqual(wallLeft - 10);
    }
    await walker.leave();
  });

  test("speed is clamped: 100 inputs at once never move faster than one step per tick (burst 3)", async () => {
    const walker = await server.join({ space: "speed" });
    const start = walker.me();
    const trail: Array<{ at: number; y: number }> = [];
    walker.onPositions(() => trail.push({ at: performance.now(), y: walker.me().y }));

    const sentAt = performance.now();
    walker.sendMoves(0, 1, 100);
    await waitFor(() => walker.rejected.length > 0, "a rejection for the flood");
    // Wait until the server has caught up with everything it accepted.
    await waitFor(() => {
      const m = walker.member();
      return m && !m.moving && m.y > start.y;
    }, "the walker to finish", 10_000);

    for (const { at, y } of trail) {
      const steps = (y - start.y) / STEP_PX;
      expect(Number.isInteger(steps)).toBe(true);
      // Ticks that can have run since sending, +2 for the burst allowance.
      const ticks = Math.floor((at - sentAt) / TICK_MS) + 1;
      expect(steps).toBeLessThanOrEqual(ticks + 2);
    }
    const applied = (walker.me().y - start.y) / STEP_PX;
    expect(applied).toBeGreaterThanOrEqual(30); // the queue holds 30
    expect(applied).toBeLessThan(100); // the rest were refused, not walked later
    expect(walker.rejected.map((r) => r.reason)).toEqual(expect.arrayContaining(["too many moves"]));
    await walker.leave();
  });

  test("leaving removes the avatar from the others' state", async () => {
    const stays = await server.join({ space: "leave" });
    const goes = await server.join({ space: "leave" });
    await waitFor(() => stays.member(goes.sessionId), "the other to appear");
    await goes.leave();
    await waitFor(() => !stays.member(goes.sessionId), "the other to disappear");
    expect(stays.memberIds()).toEqual([stays.sessionId]);
    await stays.leave();
  });

  test("each space gets its own room; the default space is used when none is given", async () => {
    const a = await server.join({ space: "alpha" });
    const b = await server.join({ space: "beta" });
    const a2 = await server.join({ space: "alpha" });
    const d1 = await server.join({});
    const d2 = await server.join({ space: "default" });
    expect(a.room.roomId).not.toBe(b.room.roomId);
    expect(a2.room.roomId).toBe(a.room.roomId);
    expect(d2.room.roomId).toBe(d1.room.roomId);
    expect((await d1.welcome).space).toBe("default");
    await waitFor(() => b.memberIds().length === 1 && a.memberIds().length === 2, "room membership to settle");
    expect(b.member(a.sessionId)).toBeUndefined();
    for (const c of [a, b, a2, d1, d2]) await c.leave();
  });
});
