import type { Types } from "mongoose";
import { inviteState } from "./InviteRepository";
import { openTestDatabase, type TestDatabase } from "./testDatabase";

let t: TestDatabase;
let space: Types.ObjectId;
let other: Types.ObjectId;
let creator: Types.ObjectId;
beforeAll(async () => {
  t = await openTestDatabase("invites");
  space = (await t.repos.spaces.create({ slug: "inv", name: "Inv" }))._id;
  other = (await t.repos.spaces.create({ slug: "inv-other", name: "Other" }))._id;
  creator = (await t.repos.members.createGuest({ displayName: "Host", avatar: "ada", space }))._id;
});
afterAll(() => t.destroy());

describe("InviteRepository", () => {
  it("stores only the token's hash and counts uses up to the limit", async () => {
    const { token, invite } = await t.repos.invites.create({ space, role: "member", createdBy: creator, expiresAt: null, maxUses: 2 });
    expect(invite.tokenHash).not.toContain(token);
    expect(await t.models.Invite.countDocuments({ tokenHash: token })).toBe(0);
    expect((await t.repos.invites.redeem(token, space))?.uses).toBe(1);
    expect((await t.repos.invites.redeem(token, space))?.uses).toBe(2);
    expect(await t.repos.invites.redeem(token, space)).toBeNull();
    expect(inviteState(await t.repos.invites.findByToken(token), space)).toBe("used-up");
  });

  it("is single use unless told otherwise, also when many redeem at the same moment", async () => {
    const { token } = await t.repos.invites.create({ space, role: "guest", createdBy: creator, expiresAt: null });
    const results = await Promise.all(Array.from({ length: 12 }, () => t.repos.invites.redeem(token, space)));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect((await t.repos.invites.findByToken(token))).toMatchObject({ uses: 1, remaining: 0 });
  });

  it("a revoked invite admits nobody and says so", async () => {
    const { token, invite } = await t.repos.invites.create({ space, role: "member", createdBy: creator, expiresAt: null, maxUses: 5 });
    expect(await t.repos.invites.revoke(other, invite._id.toHexString())).toBeNull();
    expect(await t.repos.invites.revoke(space, invite._id.toHexString())).not.toBeNull();
    expect(await t.repos.invites.redeem(token, space)).toBeNull();
    expect(inviteState(await t.repos.invites.findByToken(token), space)).toBe("revoked");
    expect(await t.repos.invites.revoke(space, invite._id.toHexString())).toBeNull();
  });

  it("refuses an unknown token, another space's token and an expired one", async () => {
    const { token } = await t.repos.invites.create({ space, role: "admin", createdBy: creator, expiresAt: null });
    expect(await t.repos.invites.redeem("made-up", space)).toBeNull();
    expect(await t.repos.invites.redeem(token, other)).toBeNull();
    const soon = await t.repos.invites.create({ space, role: "guest", createdBy: creator, expiresAt: new Date(Date.now() + 60_000) });
    expect(await t.repos.invites.redeem(soon.token, space)).not.toBeNull();
    const later = await t.repos.invites.create({ space, role: "guest", createdBy: creator, expiresAt: new Date(Date.now() + 60_000) });
    expect(await t.repos.invites.redeem(later.token, space, new Date(Date.now() + 120_000))).toBeNull();
    expect(inviteState(await t.repos.invites.findByToken(later.token), space, new Date(Date.now() + 120_000))).toBe("expired");
    expect(inviteState(await t.repos.invites.findByToken(later.token), other)).toBe("other-space");
  });
});
