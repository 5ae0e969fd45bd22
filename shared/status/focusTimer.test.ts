import {
  FOCUS_END_GRACE_MS,
  FOCUS_TIMER_OFF,
  advanceFocusTimer,
  isValidTimerMinutes,
  startFocusTimer,
  timerHoldsFocus,
  timerProgress,
} from "./focusTimer";

const MIN = 60_000;

describe("focus timer", () => {
  it("runs for the minutes asked, then ends, then returns after the grace period", () => {
    const t0 = 1_000_000;
    const running = startFocusTimer(t0, 25);
    expect(running).toEqual({ phase: "running", startedAt: t0, endsAt: t0 + 25 * MIN });
    expect(advanceFocusTimer(running, t0 + 25 * MIN - 1)).toEqual({ timer: running, event: null });

    const ended = advanceFocusTimer(running, t0 + 25 * MIN + 500);
    expect(ended).toEqual({ timer: { phase: "ended", endedAt: t0 + 25 * MIN }, event: "ended" });
    expect(timerHoldsFocus(ended.timer)).toBe(true);

    const stillWaiting = advanceFocusTimer(ended.timer, t0 + 25 * MIN + FOCUS_END_GRACE_MS - 1);
    expect(stillWaiting.event).toBeNull();
    const back = advanceFocusTimer(ended.timer, t0 + 25 * MIN + FOCUS_END_GRACE_MS);
    expect(back).toEqual({ timer: FOCUS_TIMER_OFF, event: "returned" });
    expect(timerHoldsFocus(back.timer)).toBe(false);
  });

  it("a tick long after the end reports only the end first (the person is told before being returned)", () => {
    const ended = advanceFocusTimer(startFocusTimer(0, 1), 10 * MIN);
    expect(ended.event).toBe("ended");
    expect(advanceFocusTimer(ended.timer, 10 * MIN).event).toBe("returned");
  });

  it("refuses durations that are not whole minutes within bounds", () => {
    for (const bad of [0, -5, 1.5, 241, Number.NaN, Infinity]) {
      expect(isValidTimerMinutes(bad)).toBe(false);
      expect(() => startFocusTimer(0, bad)).toThrow(RangeError);
    }
    expect(isValidTimerMinutes("25")).toBe(false);
    expect(isValidTimerMinutes(50)).toBe(true);
    expect(() => startFocusTimer(Number.NaN, 25)).toThrow(/now/);
  });

  it("reports the ring's progress", () => {
    const timer = startFocusTimer(0, 50);
    expect(timerProgress(timer, 0)).toBe(0);
    expect(timerProgress(timer, 25 * MIN)).toBeCloseTo(0.5);
    expect(timerProgress(timer, -MIN)).toBe(0);
    expect(timerProgress(timer, 60 * MIN)).toBe(1);
    expect(timerProgress(FOCUS_TIMER_OFF, 5)).toBe(0);
    expect(timerProgress({ phase: "ended", endedAt: 3 }, 5)).toBe(1);
  });
});
