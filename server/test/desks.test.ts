import { ClientMessage } from "../../shared/protocol/names";
import { startTestServer, waitFor, type TestClient, type TestServer } from "./harness";
import { DESK_MAP, RoleIdentity, deskBeside, deskOwners, statusOf } from "./desksHarness";

/** Sitting and owning desks, against a real room (no store: claims last as long as the room). */

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ map: DESK_MAP, deps: { identity: new RoleIdentity() } });
});
afterAll(async () => {
  await server.close();
});

async function rejection(client: TestClient, type: string, count: number): Promise<string> {
  const found = await waitFor(() => client.rejected.filter((r) => r.type === type).length >= count && client.rejected.filter((r) => r.type === type), `rejection #${count} of ${type}`);
  return found[count - 1].reason;
}

describe("sitting", () => {
  test("sits at a free focus desk within reach: snaps to the seat, faces the desk, shows Focus; standing restores the status", async () => {
    const ann = await server.join({ space: "sit", name: "Member Ann" });
    const ben = await server.join({ space: "sit", name: "Member Ben" });
    const desk = deskBeside(server.map, ann.me(), "focus");

    ann.room.send(ClientMessage.Sit, { desk: desk.id });
    const seated = await waitFor(() => {
      const s = statusOf(ben, ann.sessionId);
      return s?.seat === desk.id && s;
    }, "Ben to see Ann seated");
    expect(seated).toMatchObject({ x: desk.x, y: desk.y, facing: desk.facing, status: "focus" });

    ann.room.send(ClientMessage.Stand, {});
    await waitFor(() => statusOf(ben, ann.sessionId)?.seat === "", "Ann to stand");
    expect(statusOf(ben, ann.sessionId)?.status).toBe("available");
  });

  test("refuses a desk out of reach, an occupied desk, sitting twice, and an unknown desk", async () => {
    const ann = await server.join({ space: "refuse", name: "Member Ann" });
    const ben = await server.join({ space: "refuse", name: "Member Ben" });

    ann.room.send(ClientMessage.Sit, { desk: "far" });
    expect(await rejection(ann, ClientMessage.Sit, 1)).toBe("walk up to the desk first");

    const annDesk = deskBeside(server.map, ann.me(), "focus");
    ann.room.send(ClientMessage.Sit, { desk: annDesk.id });
    await waitFor(() => statusOf(ann)?.seat === annDesk.id, "Ann seated");
    ben.room.send(ClientMessage.Sit, { desk: annDesk.id });
    expect(await rejection(ben, ClientMessage.Sit, 1)).toBe("someone is sitting there");

    // Being seated is checked first, whichever desk is asked for.
    ann.room.send(ClientMessage.Sit, { desk: "desk-3" });
    expect(await rejection(ann, ClientMessage.Sit, 2)).toBe("you are already sitting; stand up first");

    ben.room.send(ClientMessage.Sit, { desk: "no-such-desk" });
    expect(await rejection(ben, ClientMessage.Sit, 2)).toBe("there is no such desk");
    // A malformed request never reaches the rules.
    ben.room.send(ClientMessage.Sit, { desk: "" });
    expect(await rejection(ben, ClientMessage.Sit, 3)).toBe("malformed payload");
    expect(statusOf(ann)?.seat).toBe(annDesk.id);
  });

  test("walking away stands up and ends Focus", async () => {
    const ann = await server.join({ space: "walkaway", name: "Member Ann" });
    const desk = deskBeside(server.map, ann.me(), "focus");
    ann.room.send(ClientMessage.Sit, { desk: desk.id });
    await waitFor(() => statusOf(ann)?.status === "focus", "Ann in focus");
    await ann.walk(0, 1, 3);
    await waitFor(() => statusOf(ann)?.seat === "", "Ann to stand up by walking");
    expect(statusOf(ann)?.status).toBe("available");
    expect(statusOf(ann)?.y).toBeGreaterThan(desk.y);
  });
});

describe("desks of one's own", () => {
  test("a member claims an assignable desk; everyone sees the owner's name; others cannot take it", async () => {
    const mia = await server.join({ space: "claim", name: "Member Mia" });
    const max = await server.join({ space: "claim", name: "Member Max" });
    const desk = deskBeside(server.map, mia.me(), "assignable");

    mia.room.send(ClientMessage.ClaimDesk, { desk: desk.id });
    await waitFor(() => deskOwners(max)[desk.id] === "Member Mia", "Max to see Mia's desk");

    max.room.send(ClientMessage.ClaimDesk, { desk: desk.id });
    expect(await rejection(max, ClientMessage.ClaimDesk, 1)).toBe("this desk already belongs to someone");
    max.room.send(ClientMessage.ClaimDesk, { desk: deskBeside(server.map, max.me(), "focus").id });
    expect(await rejection(max, ClientMessage.ClaimDesk, 2)).toBe("this desk cannot be claimed");
    max.room.send(ClientMessage.ReleaseDesk, { desk: desk.id });
    expect(await rejection(max, ClientMessage.ReleaseDesk, 1)).toMatch(/only its owner/);
    // A member cannot assign desks to other people.
    max.room.send(ClientMessage.ClaimDesk, { desk: "desk-3", for: mia.sessionId });
    expect(await rejection(max, ClientMessage.ClaimDesk, 3)).toMatch(/only owners and admins/);
    expect(deskOwners(max)).toEqual({ [desk.id]: "Member Mia" });

    // Desks are claimed from beside them (issue 15).
    mia.room.send(ClientMessage.ClaimDesk, { desk: "desk-3" });
    expect(await rejection(mia, ClientMessage.ClaimDesk, 1)).toBe("walk up to the desk first");

    // Claiming another desk moves the claim: one desk per person.
    await mia.walk(0, 1, 20);
    mia.room.send(ClientMessage.ClaimDesk, { desk: "desk-1" });
    await waitFor(() => deskOwners(max)["desk-1"] === "Member Mia" && !(desk.id in deskOwners(max)), "Mia's claim to move");
  });

  test("guests cannot claim; an admin releases anyone's desk and assigns one to a member", async () => {
    const gil = await server.join({ space: "admin", name: "Guest Gil" });
    const mia = await server.join({ space: "admin", name: "Member Mia" });
    const ada = await server.join({ space: "admin", name: "Admin Ada" });

    gil.room.send(ClientMessage.ClaimDesk, { desk: "desk-0" });
    expect(await rejection(gil, ClientMessage.ClaimDesk, 1)).toBe("guests cannot claim a desk");

    mia.room.send(ClientMessage.ClaimDesk, { desk: "desk-1" });
    await waitFor(() => deskOwners(ada)["desk-1"] === "Member Mia", "Mia's desk");
    ada.room.send(ClientMessage.ReleaseDesk, { desk: "desk-1" });
    await waitFor(() => !("desk-1" in deskOwners(mia)), "the admin's release");

    ada.room.send(ClientMessage.ClaimDesk, { desk: "desk-2", for: mia.sessionId });
    await waitFor(() => deskOwners(gil)["desk-2"] === "Member Mia", "the admin's assignment");
    ada.room.send(ClientMessage.ClaimDesk, { desk: "desk-0", for: gil.sessionId });
    expect(await rejection(ada, ClientMessage.ClaimDesk, 1)).toBe("guests cannot claim a desk");
  });

  test("a member who rejoins arrives seated at their own desk", async () => {
    const owner = await server.join({ space: "arrive", name: "Member Rita" });
    const watcher = await server.join({ space: "arrive", name: "Member Walt" });
    owner.room.send(ClientMessage.ClaimDesk, { desk: "desk-0" });
    await waitFor(() => deskOwners(watcher)["desk-0"] === "Member Rita", "Rita's desk");
    await owner.leave();

    const back = await server.join({ space: "arrive", name: "Member Rita" });
    const desk = server.map.desks.find((d) => d.id === "desk-0")!;
    const seen = await waitFor(() => {
      const s = statusOf(watcher, back.sessionId);
      return s?.seat === "desk-0" && s;
    }, "Rita back at her desk");
    expect([seen.x, seen.y, seen.status]).toEqual([desk.x, desk.y, "available"]);
  });
});
