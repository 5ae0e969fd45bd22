import { KNOCK_DECLINE_COOLDOWN_MS, KNOCK_TTL_MS, KnockBook, MAX_WAITING_KNOCKS } from "./KnockBook";

describe("KnockBook", () => {
  it("lets people knock on busy and focused doors only", () => {
    const book = new KnockBook();
    expect(book.request("a", "b", "focus", 0)).toEqual({ ok: true });
    expect(book.request("a", "c", "busy", 0)).toEqual({ ok: true });
    expect(book.request("a", "d", "available", 0)).toEqual({ ok: false, reason: "walk-up" });
    expect(book.request("a", "e", "away", 0)).toEqual({ ok: false, reason: "unreachable" });
    expect(book.request("a", "a", "focus", 0)).toEqual({ ok: false, reason: "self" });
    expect(book.size).toBe(2);
  });

  it("holds one knock per pair until it is answered", () => {
    const book = new KnockBook();
    book.request("a", "b", "focus", 0);
    expect(book.request("a", "b", "focus", 10)).toEqual({ ok: false, reason: "pending" });
    expect(book.answer("b", "a", true, 20)).toBe("accepted");
    expect(book.answer("b", "a", true, 21)).toBeNull();
    expect(book.request("a", "b", "focus", 30)).toEqual({ ok: true });
  });

  it("only the person knocked on can answer", () => {
    const book = new KnockBook();
    book.request("a", "b", "focus", 0);
    expect(book.answer("c", "a", true, 1)).toBeNull();
    expect(book.answer("a", "b", true, 1)).toBeNull();
    expect(book.waitingFor("b").map((k) => k.from)).toEqual(["a"]);
  });

  it("a decline keeps the same knocker away for a while", () => {
    const book = new KnockBook();
    book.request("a", "b", "focus", 0);
    expect(book.answer("b", "a", false, 100)).toBe("declined");
    expect(book.request("a", "b", "focus", 100 + KNOCK_DECLINE_COOLDOWN_MS - 1)).toEqual({ ok: false, reason: "cooldown" });
    expect(book.request("c", "b", "focus", 200)).toEqual({ ok: true });
    expect(book.request("a", "b", "focus", 100 + KNOCK_DECLINE_COOLDOWN_MS)).toEqual({ ok: true });
  });

  it("knocks lapse after their time and cannot be answered late", () => {
    const book = new KnockBook();
    book.request("a", "b", "focus", 0);
    book.request("c", "b", "focus", 500);
    expect(book.expire(KNOCK_TTL_MS - 1)).toEqual([]);
    expect(book.expire(KNOCK_TTL_MS)).toEqual([{ from: "a", to: "b", at: 0 }]);
    expect(book.answer("b", "c", true, KNOCK_TTL_MS + 500)).toBeNull();
    expect(book.size).toBe(0);
  });

  it("limits how many wait at one door", () => {
    const book = new KnockBook();
    for (let i = 0; i < MAX_WAITING_KNOCKS; i++) expect(book.request(`k${i}`, "b", "busy", i)).toEqual({ ok: true });
    expect(book.request("late", "b", "busy", 99)).toEqual({ ok: false, reason: "busy-door" });
    expect(book.waitingFor("b").map((k) => k.from)).toEqual(["k0", "k1", "k2", "k3", "k4"]);
  });

  it("forgets everything about someone who leaves", () => {
    const book = new KnockBook();
    book.request("a", "b", "focus", 0);
    book.request("b", "c", "focus", 0);
    book.request("d", "c", "focus", 0);
    book.answer("c", "d", false, 1);
    expect(book.forget("b").map((k) => `${k.from}>${k.to}`).sort()).toEqual(["a>b", "b>c"]);
    expect(book.size).toBe(0);
    book.forget("d");
    expect(book.request("d", "c", "focus", 2)).toEqual({ ok: true });
  });
});
