import { dropSocketOf, startTestServer, type TestServer } from "../../e2e/testServer";
import { OfficeConnection } from "./OfficeConnection";
import type { MemberSnapshot } from "./types";

/**
 * OfficeConnection against the real server (colyseus.js runs in Node over `ws`):
 * joining, replicated members as plain snapshots, moves, refusals, leaving and
 * coming back after a dropped socket.
 */

let server: TestServer;
const open: OfficeConnection[] = [];

beforeAll(async () => {
  server = await startTestServer({}, { identity: "joinOptions" });
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.leave()));
});

afterAll(async () => {
  await server.close();
});

async function join(name: string, avatar = "ada"): Promise<OfficeConnection> {
  const connection = await OfficeConnection.join(server.wsUrl, { space: "default", name, avatar });
  open.push(connection);
  return connection;
}

function until<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const value = check();
      if (value) return resolve(value);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

describe("OfficeConnection", () => {
  it("joins, receives the welcome and mirrors itself as a plain snapshot", async () => {
    const ada = await join("Ada");
    const welcome = await ada.waitForWelcome(5000);
    expect(welcome).toMatchObject({ space: "default", selfId: ada.selfId });
    expect(welcome?.mapUrl).toBe("/api/spaces/default/map");
    const self = await until(() => ada.member(ada.selfId)?.located && ada.member(ada.selfId), "own member, with its position");
    expect(self).toMatchObject({ id: ada.selfId, name: "Ada", avatar: "ada", facing: expect.any(String), ack: 0 });
    expect(Number.isInteger(self.x) && Number.isInteger(self.y)).toBe(true);
    expect(ada.connectionStatus).toBe("connected");
  });

  it("reports others arriving (not initial), moving and leaving", async () => {
    const ada = await join("Ada");
    await until(() => ada.member(ada.selfId), "Ada's own member");
    const added: Array<[string, boolean]> = [];
    const removed: string[] = [];
    ada.events.on("memberAdded", (m, initial) => added.push([m.name, initial]));
    ada.events.on("memberRemoved", (m) => removed.push(m.name));

    const bo = await join("Bo", "bo");
    const boId = bo.selfId;
    await until(() => added.find(([name]) => name === "Bo"), "Bo added");
    expect(added).toContainEqual(["Bo", false]);

    const start = await until(() => ada.member(boId), "Bo's start");
    // One input per 50 ms tick, as the client's fixed step sends them.
    for (let seq = 1; seq <= 4; seq++) {
      bo.sendMove({ seq, dx: 0, dy: 1 });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // The input acknowledgement reaches only Bo (interest management); Ada sees where he ends up.
    await until(() => bo.member(boId)?.ack === 4 && !bo.member(boId)?.moving, "Bo's moves acknowledged");
    const end = bo.member(boId)!;
    const moved = await until(
      () => {
        const m = ada.member(boId);
        return m && m.y === end.y && !m.moving ? m : null;
      },
      "Ada to see Bo's moves",
    );
    expect(moved.y).toBeGreaterThan(start.y);

    await bo.leave();
    await until(() => removed.includes("Bo"), "Bo removed");
    expect(ada.member(boId)).toBeUndefined();
  });

  it("rejects a join with the server's reason", async () => {
    await expect(OfficeConnection.join(server.wsUrl, { space: "default", name: "  ", avatar: "ada" })).rejects.toThrow(
      /empty/i,
    );
    await expect(OfficeConnection.join(server.wsUrl, { space: "default", name: "Cy", avatar: "nobody" })).rejects.toThrow();
  });

  it("comes back after its socket drops, without announcing people who were there all along", async () => {
    const ada = await join("Ada");
    const bo = await join("Bo", "bo");
    await until(() => ada.member(bo.selfId) && bo.member(ada.selfId), "both see each other");
    const statuses: string[] = [];
    const addedToBo: Array<[MemberSnapshot, boolean]> = [];
    const addedToAda: Array<[MemberSnapshot, boolean]> = [];
    ada.events.on("status", (s) => statuses.push(s));
    ada.events.on("memberAdded", (m, initial) => addedToAda.push([m, initial]));
    bo.events.on("memberAdded", (m, initial) => addedToBo.push([m, initial]));
    const oldId = ada.selfId;

    await dropSocketOf(oldId);
    await until(() => ada.connectionStatus === "connected" && statuses.includes("reconnecting"), "reconnected", 15000);
    expect(statuses).toEqual(["reconnecting", "connected"]);
    const self = await until(() => ada.member(ada.selfId), "own member after reconnecting");
    expect(self.name).toBe("Ada");
    // Bo was there before and after: not announced to Ada again; there is one Ada.
    expect(addedToAda.filter(([m]) => m.name === "Bo")).toEqual([]);
    expect(ada.allMembers().filter((m) => m.name === "Ada")).toHaveLength(1);
    // The room held Ada's seat, so she resumed the same session; Bo still sees her and moves flow again.
    expect(ada.selfId).toBe(oldId);
    await until(() => bo.member(ada.selfId), "Bo sees Ada again");
    const before = await until(() => bo.member(ada.selfId)?.x, "Bo sees where Ada stands");
    ada.sendMove({ seq: 1, dx: 1, dy: 0 });
    await until(() => ada.member(ada.selfId)?.ack === 1, "Ada's move acknowledged after reconnecting");
    await until(() => bo.member(ada.selfId)?.x === ada.member(ada.selfId)?.x, "Bo to see Ada's move after reconnecting");
    expect(bo.member(ada.selfId)?.x).toBeGreaterThan(before);
  });
});
