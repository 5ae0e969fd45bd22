import { SPACE_ROLES, canModerate, mayEditMaps, moderationRefusal } from "./canModerate";

describe("canModerate", () => {
  test("the full table: only owners and admins, only people ranked strictly below them", () => {
    const allowed: string[] = [];
    for (const actor of SPACE_ROLES) {
      for (const target of SPACE_ROLES) if (canModerate(actor, target, false)) allowed.push(`${actor}>${target}`);
    }
    // A map maker is moderated like a member and moderates no one.
    expect(allowed.sort()).toEqual(["admin>guest", "admin>mapMaker", "admin>member", "owner>admin", "owner>guest", "owner>mapMaker", "owner>member"]);
  });

  test("map makers, admins and owners edit maps; members, guests and unknown roles do not", () => {
    expect(SPACE_ROLES.filter(mayEditMaps)).toEqual(["mapMaker", "admin", "owner"]);
    expect(mayEditMaps(undefined)).toBe(false);
    expect(mayEditMaps("root")).toBe(false);
  });

  test("nobody removes themselves, whatever their role", () => {
    for (const role of SPACE_ROLES) expect(canModerate(role, "guest", true)).toBe(false);
    expect(moderationRefusal("owner", "owner", true)).toBe("you cannot remove yourself");
  });

  test("refusals say why, in words a person can read", () => {
    expect(moderationRefusal("admin", "owner", false)).toBe("an admin cannot remove an owner");
    expect(moderationRefusal("admin", "admin", false)).toBe("an admin cannot remove another admin");
    expect(moderationRefusal("owner", "owner", false)).toBe("an owner cannot remove another owner");
    expect(moderationRefusal("member", "guest", false)).toBe("only owners and admins can remove people");
    expect(moderationRefusal("guest", "guest", false)).toBe("only owners and admins can remove people");
    expect(moderationRefusal("admin", "member", false)).toBeNull();
  });

  test("missing or unknown roles (not yet received, or forged) allow nothing", () => {
    expect(canModerate(undefined, "guest", false)).toBe(false);
    expect(canModerate("superuser", "guest", false)).toBe(false);
    expect(canModerate("", "guest", false)).toBe(false);
    expect(moderationRefusal("owner", undefined, false)).toBe("that person's role is unknown");
    expect(moderationRefusal("owner", "", false)).toBe("that person's role is unknown");
    expect(canModerate("owner", "root", false)).toBe(false);
  });
});
