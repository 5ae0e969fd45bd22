import { matchMaker } from "@colyseus/core";
import { Client } from "colyseus.js";
import { OFFICE_ROOM } from "../../shared/protocol/names";
import { startTestServer, joinError, type TestServer } from "./harness";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ spaces: ["default", "ghost", "names"] });
});

afterAll(async () => {
  await server.close();
});

describe("joining is refused with a message a person can read", () => {
  test.each([
    ["an empty name", { name: "", avatar: "ada" }, "Name must not be empty"],
    ["a blank name", { name: "   ", avatar: "ada" }, "Name must not be empty"],
    ["a missing name", { avatar: "ada" }, "Name is missing or has the wrong type"],
    ["a name over 32 characters", { name: "n".repeat(33), avatar: "ada" }, "Name must be at most 32 characters"],
    ["a control character in the name", { name: "Bob\u0007", avatar: "ada" }, "Name must not contain control characters"],
    ["a line break in the name", { name: "Bob\nAlice", avatar: "ada" }, "Name must not contain control characters"],
    ["an unknown avatar", { name: "Bob", avatar: "dragon" }, "Avatar must be one of the offered avatars"],
    ["a malformed space", { name: "Bob", avatar: "ada", space: "../etc" }, "Space must be a space slug"],
  ])("%s", async (_what, options, message) => {
    const err = await joinError(server.url, options);
    expect(err.message).toBe(message);
  });

  test("a space without an office is refused by name", async () => {
    const err = await joinError(server.url, { name: "Bob", avatar: "ada", space: "nowhere" });
    expect(err.message).toBe('There is no office called "nowhere"');
  });

  test("a refused join creates no room and the server keeps serving", async () => {
    await joinError(server.url, { name: "", avatar: "ada", space: "ghost" });
    expect(await matchMaker.query({ name: OFFICE_ROOM })).toEqual([]);
    const ok = await server.join({ space: "ghost", name: "Real" });
    expect(ok.memberIds()).toEqual([ok.sessionId]);
    expect(await matchMaker.query({ name: OFFICE_ROOM })).toHaveLength(1);
    await ok.leave();
  });

  test("a 32-character name with spaces around it is trimmed and accepted", async () => {
    const c = await server.join({ space: "names", name: `  ${"n".repeat(32)}  ` });
    expect(c.me().name).toBe("n".repeat(32));
    await c.leave();
  });
});

describe("one room per space, whatever the matchmaking call", () => {
  test("a direct create for a space that already has a room is refused", async () => {
    const first = await server.join({ space: "default", name: "First" });
    const err = await new Client(server.url).create(OFFICE_ROOM, { space: "default", name: "Second", avatar: "bo" }).then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).toBe('The office "default" is already open: join it');
    await first.leave();
  });

  test("joining another space's room by id is refused", async () => {
    const inNames = await server.join({ space: "names", name: "Resident" });
    const err = await new Client(server.url)
      .joinById(inNames.room.roomId, { space: "ghost", name: "Intruder", avatar: "bo" })
      .then(() => null, (e: Error) => e);
    expect(err?.message).toBe('This room belongs to another office than "ghost"');
    expect(inNames.memberIds()).toEqual([inNames.sessionId]);
    await inNames.leave();
  });
});
