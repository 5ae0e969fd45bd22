import { sessionTokenFromCookieHeader } from "./sessionCookie";

describe("sessionTokenFromCookieHeader", () => {
  it("finds the session cookie among others", () => {
    expect(sessionTokenFromCookieHeader("a=1; deskmap_session=abc.def; b=2")).toBe("abc.def");
    expect(sessionTokenFromCookieHeader(["x=1", "deskmap_session=t%2Bk"])).toBe("t+k");
  });
  it("returns undefined when absent", () => {
    expect(sessionTokenFromCookieHeader(undefined)).toBeUndefined();
    expect(sessionTokenFromCookieHeader("deskmap_sessionx=1; other=2")).toBeUndefined();
  });
});
