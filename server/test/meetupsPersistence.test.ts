import { ClientMessage } from "../../shared/protocol/names";
import { RoleIdentity } from "./desksHarness";
import { MEETUP_MAP, waitForMeetup } from "./meetupsHarness";
import { restartableServer, type RestartableServer } from "./restartableServer";

/**
 * Meetups and their attendance on the real chain: createPersistence on the
 * embedded store (or MONGODB_URI), the Meetup model, and a full restart on the
 * same data directory in the middle of a live meetup.
 */

let office: RestartableServer;

beforeAll(async () => {
  office = await restartableServer({
    name: "meetups",
    map: MEETUP_MAP,
    // Roles by name keep the test about meetups; maps, settings and meetups come from the database.
    deps: ({ deps: { maps, spaces, meetups } }) => ({ maps, spaces, meetups, identity: new RoleIdentity() }),
  });
});
afterAll(() => office?.close());

describe("meetups in the database", () => {
  it("a scheduled meetup, its live state and its attendance survive a restart", async () => {
    const hallId = office.server.map.zones.find((z) => z.name === "Hall")!.id;
    const host = await office.server.join({ space: "default", name: "Member Hana" });
    const guest = await office.server.join({ space: "default", name: "Member Gus" });
    host.room.send(ClientMessage.MeetupSchedule, { title: "All hands", zoneId: hallId, startsAt: Date.now() + 5 * 60_000, durationMinutes: 60 });
    host.room.send(ClientMessage.MeetupSchedule, { title: "Later", zoneId: hallId, startsAt: Date.now() + 86_400_000, durationMinutes: 30 });
    const meetup = await waitForMeetup(host, (m) => m.title === "All hands", "the meetup");
    await waitForMeetup(host, (m) => m.title === "Later", "the second meetup");
    host.room.send(ClientMessage.MeetupAction, { id: meetup.id, action: "start" });
    await waitForMeetup(guest, (m) => m.id === meetup.id && m.state === "live", "live");
    // Both stand in the hall for a few attendance samples.
    await new Promise((resolve) => setTimeout(resolve, 3200));

    await office.restart();
    const stored = await office.persistence.repos.meetups.get(meetup.id);
    expect(stored).toMatchObject({ title: "All hands", state: "live", zoneName: "Hall", hosts: [{ memberId: "m-Member Hana", name: "Member Hana" }] });
    expect(stored!.attendance.map((a) => a.name).sort()).toEqual(["Member Gus", "Member Hana"]);
    for (const a of stored!.attendance) {
      expect(a.seconds).toBeGreaterThanOrEqual(2);
      expect(a.lastSeenAt).toBeGreaterThan(a.firstSeenAt);
    }

    const back = await office.server.join({ space: "default", name: "Member Hana" });
    const listed = await waitForMeetup(back, (m) => m.id === meetup.id, "the live meetup after the restart");
    expect(listed).toMatchObject({ state: "live", youHost: true });
    await waitForMeetup(back, (m) => m.title === "Later" && m.state === "scheduled", "the upcoming one too");
    back.room.send(ClientMessage.MeetupAction, { id: meetup.id, action: "end" });
    const done = await (async () => {
      const deadline = Date.now() + 5000;
      for (;;) {
        const m = await office.persistence.repos.meetups.get(meetup.id);
        if (m?.state === "ended") return m;
        if (Date.now() > deadline) throw new Error("timed out waiting for the meetup to end in the database");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    expect(done.endedAt).toBeGreaterThan(done.startedAt!);
    // The attendance counted before the restart is kept, and Hana's return continues her record.
    expect(done.attendance.find((a) => a.name === "Member Hana")!.seconds).toBeGreaterThanOrEqual(2);
    expect(done.attendance).toHaveLength(2);
  });
});
