import { displayedState, MEETUP_EARLY_START_MINUTES, startRefusal } from "./meetupRules";

describe("meetup lifecycle", () => {
  const t0 = Date.UTC(2026, 5, 1, 12);
  const m = { state: "scheduled" as const, startsAt: t0, durationMinutes: 30 };

  it("shows a scheduled meetup past its end as ended, and leaves other states alone", () => {
    expect(displayedState(m, t0 - 1)).toBe("scheduled");
    expect(displayedState(m, t0 + 30 * 60_000)).toBe("ended");
    expect(displayedState({ ...m, state: "live" }, t0 + 90 * 60_000)).toBe("live");
  });

  it("may be started early only within the allowed window, and only once", () => {
    expect(startRefusal(m, t0 - (MEETUP_EARLY_START_MINUTES + 1) * 60_000)).toMatch(/at most/);
    expect(startRefusal(m, t0 - MEETUP_EARLY_START_MINUTES * 60_000)).toBeNull();
    expect(startRefusal({ ...m, state: "live" }, t0)).toMatch(/already live/);
    expect(startRefusal({ ...m, state: "cancelled" }, t0)).toMatch(/cancelled/);
  });
});
