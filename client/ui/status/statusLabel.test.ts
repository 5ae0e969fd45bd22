import { statusPhrase, timeLeft, withStatus } from "./statusLabel";

describe("status words", () => {
  it("says nothing for plain available, the label otherwise, and the text when there is one", () => {
    expect(statusPhrase({ status: "available" })).toBe("");
    expect(statusPhrase({ status: "available", statusText: "ask me" })).toBe("ask me");
    expect(statusPhrase({ status: "focus" })).toBe("Focus (do not disturb)");
    expect(statusPhrase({ status: "busy", statusText: " report " })).toBe("Busy: report");
    expect(statusPhrase({ status: "nonsense" })).toBe("");
    expect(withStatus("Ann, 3 tiles east", { status: "away" })).toBe("Ann, 3 tiles east — Away");
    expect(withStatus("Ann", {})).toBe("Ann");
  });

  it("formats the focus timer's time left", () => {
    expect(timeLeft(25 * 60_000)).toBe("25:00");
    expect(timeLeft(61_001)).toBe("1:02");
    expect(timeLeft(-5)).toBe("0:00");
  });
});
