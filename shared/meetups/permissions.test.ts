import { mayHost, mayLockZone, maySchedule } from "./permissions";

describe("meetup permissions", () => {
  const guest = { memberId: "g", role: "guest" as const };
  const member = { memberId: "m", role: "member" as const };
  const admin = { memberId: "a", role: "admin" as const };
  const owner = { memberId: "o", role: "owner" as const };

  it("follows the space's meetupHosts setting for scheduling", () => {
    expect([guest, member, admin, owner].map((p) => maySchedule(p, "anyone"))).toEqual([true, true, true, true]);
    expect([guest, member, admin, owner].map((p) => maySchedule(p, "members"))).toEqual([false, true, true, true]);
    expect([guest, member, admin, owner].map((p) => maySchedule(p, "admins"))).toEqual([false, false, true, true]);
  });

  it("lets hosts and space admins run a meetup, nobody else", () => {
    const meetup = { hosts: [{ memberId: "m" }] };
    expect(mayHost(member, meetup)).toBe(true);
    expect(mayHost({ memberId: "x", role: "member" }, meetup)).toBe(false);
    expect(mayHost(guest, meetup)).toBe(false);
    expect(mayHost(admin, meetup)).toBe(true);
    expect(mayHost(owner, { hosts: [] })).toBe(true);
  });

  it("locks private zones from inside; other zones only for a live meetup's hosts", () => {
    expect(mayLockZone("private", true, false)).toBe(true);
    expect(mayLockZone("private", false, false)).toBe(false);
    expect(mayLockZone("meeting", true, false)).toBe(false);
    expect(mayLockZone("meeting", true, true)).toBe(true);
    expect(mayLockZone("stage", false, true)).toBe(false);
  });
});
