import { claimRefusal, mayRelease } from "./deskClaims";

const assignable = { kind: "assignable" };
const member = { memberId: "m1", role: "member" as const };
const other = { memberId: "m2", role: "member" as const };
const admin = { memberId: "a1", role: "admin" as const };
const owner = { memberId: "o1", role: "owner" as const };
const guest = { memberId: "g1", role: "guest" as const };

describe("desk claims", () => {
  it("under 'anyone' a member claims a free assignable desk for themselves", () => {
    expect(claimRefusal(member, member, assignable, null, "anyone")).toBeNull();
    expect(claimRefusal(member, member, assignable, "m1", "anyone")).toBeNull();
  });

  it("refuses focus desks, unknown desks, guests, and desks of others", () => {
    expect(claimRefusal(member, member, { kind: "focus" }, null, "anyone")).toBe("not-assignable");
    expect(claimRefusal(member, member, undefined, null, "anyone")).toBe("not-assignable");
    expect(claimRefusal(guest, guest, assignable, null, "anyone")).toBe("guest");
    expect(claimRefusal(member, member, assignable, "m2", "anyone")).toBe("taken");
    expect(claimRefusal(admin, member, assignable, "m2", "anyone")).toBe("taken");
  });

  it("under 'admins' only owners and admins assign, to themselves or to others", () => {
    expect(claimRefusal(member, member, assignable, null, "admins")).toBe("admins-only");
    expect(claimRefusal(admin, member, assignable, null, "admins")).toBeNull();
    expect(claimRefusal(owner, owner, assignable, null, "admins")).toBeNull();
    expect(claimRefusal(admin, guest, assignable, null, "admins")).toBe("guest");
  });

  it("a member cannot assign a desk to someone else", () => {
    expect(claimRefusal(member, other, assignable, null, "anyone")).toBe("admins-only");
  });

  it("owners release their own desk; owners and admins release any", () => {
    expect(mayRelease(member, "m1")).toBe(true);
    expect(mayRelease(other, "m1")).toBe(false);
    expect(mayRelease(admin, "m1")).toBe(true);
    expect(mayRelease(owner, "m1")).toBe(true);
    expect(mayRelease(admin, null)).toBe(false);
  });
});
