import { LAST_OWNER, assignableRoles, removalRefusal, roleChangeRefusal } from "./roleRules";

describe("roleChangeRefusal", () => {
  it("lets an owner give any role, hand over ownership and step down while another owner remains", () => {
    expect(roleChangeRefusal({ actor: "owner", target: "member", to: "owner", isSelf: false, owners: 1 })).toBeNull();
    expect(roleChangeRefusal({ actor: "owner", target: "admin", to: "guest", isSelf: false, owners: 1 })).toBeNull();
    expect(roleChangeRefusal({ actor: "owner", target: "owner", to: "admin", isSelf: true, owners: 2 })).toBeNull();
  });

  it("never leaves a space without an owner", () => {
    expect(roleChangeRefusal({ actor: "owner", target: "owner", to: "admin", isSelf: true, owners: 1 })).toBe(LAST_OWNER);
  });

  it("lets admins move only people below admin, and only between member and guest", () => {
    expect(roleChangeRefusal({ actor: "admin", target: "guest", to: "member", isSelf: false, owners: 1 })).toBeNull();
    expect(roleChangeRefusal({ actor: "admin", target: "member", to: "admin", isSelf: false, owners: 1 })).toMatch(/only owners/);
    expect(roleChangeRefusal({ actor: "admin", target: "admin", to: "member", isSelf: false, owners: 1 })).toMatch(/cannot change/);
    expect(roleChangeRefusal({ actor: "admin", target: "owner", to: "member", isSelf: false, owners: 2 })).toMatch(/cannot change/);
    expect(roleChangeRefusal({ actor: "admin", target: "admin", to: "owner", isSelf: true, owners: 1 })).toMatch(/ask an owner/);
  });

  it("refuses members, unknown roles and no-op changes", () => {
    expect(roleChangeRefusal({ actor: "member", target: "guest", to: "member", isSelf: false, owners: 1 })).toMatch(/only owners and admins/);
    expect(roleChangeRefusal({ actor: "owner", target: "guest", to: "king", isSelf: false, owners: 1 })).toMatch(/not a role/);
    expect(roleChangeRefusal({ actor: "owner", target: "guest", to: "guest", isSelf: false, owners: 1 })).toMatch(/already a guest/);
  });

  it("offers the choices the rules allow", () => {
    // Admins may make someone a map maker (it moderates no one) but not an admin.
    expect(assignableRoles("admin", "member", false, 1)).toEqual(["guest", "member", "mapMaker"]);
    expect(assignableRoles("owner", "owner", true, 1)).toEqual(["owner"]);
    expect(assignableRoles("owner", "member", false, 1)).toEqual(["guest", "member", "mapMaker", "admin", "owner"]);
  });
});

describe("removalRefusal", () => {
  it("keeps the last owner and lets admins remove only people below them", () => {
    expect(removalRefusal("owner", "owner", true, 1)).toBe(LAST_OWNER);
    expect(removalRefusal("owner", "owner", false, 2)).toBeNull();
    expect(removalRefusal("admin", "admin", false, 1)).toMatch(/cannot remove an admin/);
    expect(removalRefusal("admin", "member", false, 1)).toBeNull();
    expect(removalRefusal("member", "guest", false, 1)).toMatch(/only owners and admins/);
    expect(removalRefusal("admin", "admin", true, 1)).toMatch(/yourself/);
  });
});
