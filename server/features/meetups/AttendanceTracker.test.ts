import { AttendanceTracker } from "./AttendanceTracker";

describe("AttendanceTracker", () => {
  it("counts time between samples while present, once per member, and continues stored records", () => {
    const t = new AttendanceTracker();
    const ann = { memberId: "ann", name: "Ann" };
    const bob = { memberId: "bob", name: "Bob" };
    t.observe([ann], 0);
    t.observe([ann, bob, { ...ann }], 10_000);
    t.observe([bob], 20_000); // Ann left
    t.observe([ann, bob], 30_000); // Ann is back: the gap does not count
    t.observe([ann, bob], 35_000);
    expect(t.list()).toEqual([
      { memberId: "ann", name: "Ann", firstSeenAt: 0, lastSeenAt: 35_000, seconds: 15 },
      { memberId: "bob", name: "Bob", firstSeenAt: 10_000, lastSeenAt: 35_000, seconds: 25 },
    ]);
    expect(t.takeChanged()).toBe(true);
    expect(t.takeChanged()).toBe(false);

    const resumed = new AttendanceTracker(t.list());
    resumed.observe([ann], 100_000);
    resumed.observe([ann], 104_000);
    expect(resumed.list().find((r) => r.memberId === "ann")?.seconds).toBe(19);
  });
});
