import { ClientMessage, ServerMessage } from "../../shared/protocol/names";
import { RoleIdentity } from "./desksHarness";
import { startTestServer, waitFor, type TestClient, type TestServer } from "./harness";
import {
  MEETUP_MAP,
  lastConversation,
  lastMeetups,
  rejections,
  waitForConversation,
  waitForMeetup,
  waitForRejection,
} from "./meetupsHarness";

/** Meetups, stage roles, host controls and zone locks against a real room (RoleIdentity: the first word of a name is the role). */

let server: TestServer;
let hallId: number;
let officeId: number;

beforeAll(async () => {
  server = await startTestServer({ map: MEETUP_MAP, deps: { identity: new RoleIdentity() } });
  hallId = server.map.zones.find((z) => z.name === "Hall")!.id;
  officeId = server.map.zones.find((z) => z.name === "Office")!.id;
});
afterAll(async () => {
  await server.close();
});

const RECVONLY_ANSWER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=recvonly\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=recvonly\r\n";
const SENDING_OFFER = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n";

async function scheduleAndStart(space: string, host: TestClient, zoneId: number, title = "Town hall"): Promise<string> {
  host.room.send(ClientMessage.MeetupSchedule, { title, zoneId, startsAt: Date.now() + 10 * 60_000, durationMinutes: 30 });
  const meetup = await waitForMeetup(host, (m) => m.title === title, `the ${title} meetup in ${space}`);
  host.room.send(ClientMessage.MeetupAction, { id: meetup.id, action: "start" });
  await waitForMeetup(host, (m) => m.id === meetup.id && m.state === "live", "the meetup to go live");
  return meetup.id;
}

describe("meetups: who may do what", () => {
  test("members schedule; guests may not; only hosts edit, start, mute or promote", async () => {
    const host = await server.join({ space: "perm", name: "Member Hana" });
    const other = await server.join({ space: "perm", name: "Member Olaf" });
    const guest = await server.join({ space: "perm", name: "Guest Gil" });

    guest.room.send(ClientMessage.MeetupSchedule, { title: "Nope", zoneId: hallId, startsAt: Date.now() + 60_000, durationMinutes: 30 });
    await waitForRejection(guest, ClientMessage.MeetupSchedule, /members schedule meetups/);
    expect(guest.messages<{ youMaySchedule: boolean }>(ServerMessage.Meetups).at(-1)?.youMaySchedule).toBe(false);

    host.room.send(ClientMessage.MeetupSchedule, { title: "Bad zone", zoneId: 9999, startsAt: Date.now() + 60_000, durationMinutes: 30 });
    await waitForRejection(host, ClientMessage.MeetupSchedule, /no such zone/);

    host.room.send(ClientMessage.MeetupSchedule, {
      title: "Demo day",
      description: "Show what you built",
      zoneId: hallId,
      startsAt: Date.now() + 10 * 60_000,
      durationMinutes: 45,
    });
    const mine = await waitForMeetup(host, (m) => m.title === "Demo day", "the scheduled meetup");
    expect(mine).toMatchObject({ zoneName: "Hall", zoneType: "stage", state: "scheduled", youHost: true, hosts: [{ memberId: "m-Member Hana" }] });
    const seen = await waitForMeetup(other, (m) => m.id === mine.id, "others to see the meetup");
    expect(seen.youHost).toBe(false);

    other.room.send(ClientMessage.MeetupEdit, { id: mine.id, title: "Hijacked" });
    other.room.send(ClientMessage.MeetupAction, { id: mine.id, action: "start" });
    other.room.send(ClientMessage.MeetupAction, { id: mine.id, action: "cancel" });
    await waitFor(() => rejections(other, ClientMessage.MeetupAction).length >= 1 && rejections(other, ClientMessage.MeetupEdit).length >= 1, "refusals");
    expect(rejections(other, ClientMessage.MeetupEdit)).toEqual(["only the meetup's hosts can change it"]);
    expect(rejections(other, ClientMessage.MeetupAction)[0]).toMatch(/only the meetup's hosts/);

    host.room.send(ClientMessage.MeetupEdit, { id: mine.id, title: "Demo day (v2)" });
    await waitForMeetup(other, (m) => m.id === mine.id && m.title === "Demo day (v2)", "the edit to reach everyone");

    host.room.send(ClientMessage.MeetupAction, { id: mine.id, action: "start" });
    const started = await waitFor(() => other.messages<{ id: string; zoneName: string }>(ServerMessage.MeetupStarted).at(-1), "the start banner");
    expect(started).toMatchObject({ id: mine.id, zoneName: "Hall" });

    other.room.send(ClientMessage.MeetupHost, { id: mine.id, action: "mute", target: host.sessionId });
    other.room.send(ClientMessage.MeetupHost, { id: mine.id, action: "promote", target: other.sessionId });
    await waitFor(() => rejections(other, ClientMessage.MeetupHost).length >= 1, "host-control refusals");
    expect(rejections(other, ClientMessage.MeetupHost)).toContain("only the meetup's hosts can do that");
    expect(lastMeetups(host).find((m) => m.id === mine.id)?.live?.promoted).toEqual([]);
    expect(host.messages(ServerMessage.MeetupMuted)).toEqual([]);

    // The host mutes someone in the hall (the guest stands there).
    host.room.send(ClientMessage.MeetupHost, { id: mine.id, action: "mute", target: guest.sessionId });
    expect(await waitFor(() => guest.messages<{ by: string }>(ServerMessage.MeetupMuted).at(-1), "the mute")).toEqual({ by: "Member Hana" });
  });
});

describe("stage meetups", () => {
  test("listeners receive only the speakers, send nothing, and speak once a host takes their raised hand", async () => {
    const host = await server.join({ space: "stage", name: "Member Sam" }); // on the platform
    const ann = await server.join({ space: "stage", name: "Member Ann" }); // in the hall
    const bob = await server.join({ space: "stage", name: "Member Bob" }); // in the hall
    const id = await scheduleAndStart("stage", host, hallId);

    const hostView = await waitForConversation(host, (c) => c.peers.length === 2, "the host to see both listeners");
    expect(hostView.stage).toEqual({ role: "speaker" });
    expect(hostView.peers.map((p) => ({ id: p.id, receive: p.receive, initiator: p.initiator })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [ann, bob].map((c) => ({ id: c.sessionId, receive: false, initiator: true })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    const annView = await waitForConversation(ann, (c) => c.peers.length === 1, "a listener to see the speaker");
    expect(annView.stage?.role).toBe("listener");
    expect(annView.peers).toEqual([{ id: host.sessionId, name: "Member Sam", initiator: false, send: false }]);

    // A listener reaches no other listener, and may never offer to send media.
    ann.room.send(ClientMessage.Signal, { to: bob.sessionId, data: { type: "answer", sdp: RECVONLY_ANSWER } });
    ann.room.send(ClientMessage.Signal, { to: host.sessionId, data: { type: "offer", sdp: SENDING_OFFER } });
    await waitFor(() => rejections(ann, ClientMessage.Signal).length >= 1, "signal refusals");
    expect(rejections(ann, ClientMessage.Signal)).toEqual(expect.arrayContaining([expect.stringMatching(/not in your conversation|listeners send no media/)]));
    ann.room.send(ClientMessage.Signal, { to: host.sessionId, data: { type: "answer", sdp: RECVONLY_ANSWER } });
    await waitFor(() => host.messages<{ from: string }>(ServerMessage.Signal).find((s) => s.from === ann.sessionId), "a receive-only answer to pass");
    expect(host.messages<{ from: string; data: { sdp: string } }>(ServerMessage.Signal).every((s) => !s.data.sdp?.includes("a=sendrecv"))).toBe(true);
    expect(bob.messages<{ from: string }>(ServerMessage.Signal).filter((s) => s.from === ann.sessionId)).toEqual([]);

    // Raised hands are taken in order: Bob first, then Ann.
    bob.room.send(ClientMessage.RaiseHand, { raised: true });
    await waitForMeetup(host, (m) => m.id === id && m.live?.hands.length === 1, "Bob's hand");
    ann.room.send(ClientMessage.RaiseHand, { raised: true });
    await waitForMeetup(host, (m) => m.id === id && m.live?.hands.length === 2, "Ann's hand");
    expect(lastMeetups(host).find((m) => m.id === id)?.live?.hands).toEqual([bob.sessionId, ann.sessionId]);

    // A non-host cannot take hands.
    ann.room.send(ClientMessage.MeetupHost, { id, action: "next-hand" });
    await waitForRejection(ann, ClientMessage.MeetupHost, /only the meetup's hosts/);

    host.room.send(ClientMessage.MeetupHost, { id, action: "next-hand" });
    await waitForMeetup(host, (m) => m.id === id && m.live?.promoted.includes(bob.sessionId) === true, "Bob brought up");
    expect(lastMeetups(host).find((m) => m.id === id)?.live?.hands).toEqual([ann.sessionId]);
    const bobSpeaks = await waitForConversation(bob, (c) => c.stage?.role === "speaker", "Bob to speak");
    expect(bobSpeaks.peers.find((p) => p.id === ann.sessionId)).toMatchObject({ receive: false });
    const annHearsBoth = await waitForConversation(ann, (c) => c.peers.length === 2, "Ann to receive both speakers");
    expect(annHearsBoth.peers.every((p) => p.send === false)).toBe(true);

    host.room.send(ClientMessage.MeetupHost, { id, action: "spotlight", target: bob.sessionId });
    await waitForMeetup(ann, (m) => m.id === id && m.live?.spotlight === bob.sessionId, "the spotlight");

    // Sent back: Bob listens again and the spotlight on him ends.
    host.room.send(ClientMessage.MeetupHost, { id, action: "demote", target: bob.sessionId });
    await waitForConversation(bob, (c) => c.stage?.role === "listener" && c.peers.length === 1, "Bob back in the audience");
    expect(lastMeetups(ann).find((m) => m.id === id)?.live?.spotlight ?? null).toBeNull();

    host.room.send(ClientMessage.MeetupAction, { id, action: "end" });
    await waitFor(() => !lastMeetups(ann).some((m) => m.id === id), "the ended meetup to leave the list");
  });

  test("leaving by button is refused on a stage (people walk off it instead), for listeners and speakers", async () => {
    const host = await server.join({ space: "stage-leave", name: "Member Sia" }); // on the platform
    const ann = await server.join({ space: "stage-leave", name: "Member Ana" }); // in the hall
    await scheduleAndStart("stage-leave", host, hallId);
    await waitForConversation(ann, (c) => c.stage?.role === "listener" && c.peers.length === 1, "Ana listening");
    ann.room.send(ClientMessage.LeaveConversation, {});
    expect(await waitForRejection(ann, ClientMessage.LeaveConversation, /stage/)).toBe("You are on a stage: walk off it to leave the talk.");
    host.room.send(ClientMessage.LeaveConversation, {});
    await waitForRejection(host, ClientMessage.LeaveConversation, /stage/);
    // Still in the talk, both of them.
    expect(lastConversation(ann)?.stage?.role).toBe("listener");
    expect(lastConversation(host)?.peers.map((p) => p.id)).toEqual([ann.sessionId]);
  });
});

describe("private zones", () => {
  test("a locked zone refuses entry until someone inside lets the knocker in", async () => {
    // Fill the first four spawns, so the next two appear inside the office and just outside it.
    const fillers = [];
    for (let i = 0; i < 4; i++) fillers.push(await server.join({ space: "lock", name: `Member F${i}` }));
    const inside = await server.join({ space: "lock", name: "Member Ida" });
    const outside = await server.join({ space: "lock", name: "Member Otto" });
    expect(inside.me().x).toBeGreaterThan(18 * 32);

    outside.room.send(ClientMessage.ZoneLock, { locked: true });
    await waitForRejection(outside, ClientMessage.ZoneLock, /stand in a private zone/);

    inside.room.send(ClientMessage.ZoneLock, { locked: true });
    await waitFor(() => outside.messages<{ locked: Array<{ zoneId: number }> }>(ServerMessage.ZoneLocks).at(-1)?.locked.length === 1, "the lock");
    const stopped = await outside.walk(1, 0, 20);
    expect(stopped.x).toBeLessThan(18 * 32);

    outside.room.send(ClientMessage.ZoneKnock, { zoneId: officeId });
    const knock = await waitFor(() => inside.messages<{ from: string }>(ServerMessage.ZoneKnock).at(-1), "the knock inside");
    expect(knock.from).toBe(outside.sessionId);
    // Someone outside cannot answer a knock.
    fillers[0].room.send(ClientMessage.ZoneKnockAnswer, { from: outside.sessionId, accept: true });
    await waitForRejection(fillers[0], ClientMessage.ZoneKnockAnswer, /only people inside/);

    inside.room.send(ClientMessage.ZoneKnockAnswer, { from: outside.sessionId, accept: true });
    await waitFor(() => outside.messages<{ outcome: string }>(ServerMessage.ZoneKnockResult).at(-1)?.outcome === "accepted", "the answer");
    const entered = await outside.walk(1, 0, 20);
    expect(entered.x).toBeGreaterThan(18 * 32);
    expect(lastConversation(outside)?.peers.map((p) => p.id)).toEqual([inside.sessionId]);
  });
});
