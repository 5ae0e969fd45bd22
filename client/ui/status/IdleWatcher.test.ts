import { IdleWatcher } from "./IdleWatcher";

/** A document stand-in: an event target with a `hidden` flag, driven by the test. */
function fakeDocument() {
  const doc = Object.assign(new EventTarget(), { hidden: false });
  return doc;
}

describe("IdleWatcher", () => {
  let now = 0;
  const reports: boolean[] = [];
  let watcher: IdleWatcher | null = null;

  beforeEach(() => {
    jest.useFakeTimers();
    now = 0;
    reports.length = 0;
  });
  afterEach(() => {
    watcher?.dispose();
    jest.useRealTimers();
  });

  function start(doc: ReturnType<typeof fakeDocument>) {
    watcher = new IdleWatcher((idle) => reports.push(idle), doc as unknown as Document, {
      idleMs: 60_000,
      hiddenMs: 20_000,
      checkEveryMs: 1000,
      now: () => now,
    });
  }
  const advance = (ms: number) => {
    now += ms;
    jest.advanceTimersByTime(ms);
  };

  it("reports idle after the quiet period and active again on the next input", () => {
    const doc = fakeDocument();
    start(doc);
    advance(59_000);
    expect(reports).toEqual([]);
    advance(2000);
    expect(reports).toEqual([true]);
    doc.dispatchEvent(new Event("keydown"));
    expect(reports).toEqual([true, false]);
  });

  it("a tab hidden long enough counts as idle even with recent input; showing it again is activity", () => {
    const doc = fakeDocument();
    start(doc);
    doc.dispatchEvent(new Event("pointermove"));
    doc.hidden = true;
    doc.dispatchEvent(new Event("visibilitychange"));
    advance(19_000);
    expect(reports).toEqual([]);
    advance(2000);
    expect(reports).toEqual([true]);
    doc.hidden = false;
    doc.dispatchEvent(new Event("visibilitychange"));
    expect(reports).toEqual([true, false]);
  });

  it("says nothing while active, and repeats an idle state after a reconnect", () => {
    const doc = fakeDocument();
    start(doc);
    for (let i = 0; i < 10; i++) {
      advance(30_000);
      doc.dispatchEvent(new Event("wheel"));
    }
    expect(reports).toEqual([]);
    advance(61_000);
    watcher!.resend();
    expect(reports).toEqual([true, true]);
  });
});
