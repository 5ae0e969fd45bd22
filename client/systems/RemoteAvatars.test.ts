import type { OfficeConnection } from "../net/OfficeConnection";
import type { MemberSnapshot } from "../net/types";
import { Emitter } from "../util/Emitter";
import type { AvatarFactory } from "./AvatarFactory";
import type { AvatarSprite } from "./AvatarSprite";
import { RemoteAvatars, type ViewRect } from "./RemoteAvatars";

/** Records what RemoteAvatars does to each avatar, in place of Phaser sprites. */
class FakeAvatar {
  visible = true;
  poses = 0;
  x = NaN;
  setVisible(v: boolean) {
    this.visible = v;
  }
  setPose(x: number) {
    this.poses++;
    this.x = x;
  }
  setName() {}
  setStatus() {}
}

function setup(view: ViewRect) {
  const events = new Emitter<{ memberAdded: [MemberSnapshot, boolean]; memberChanged: [MemberSnapshot]; memberRemoved: [MemberSnapshot] }>();
  const created: FakeAvatar[] = [];
  const released: FakeAvatar[] = [];
  const factory = {
    create: () => {
      const avatar = new FakeAvatar();
      created.push(avatar);
      return avatar as unknown as AvatarSprite;
    },
    release: (a: AvatarSprite) => released.push(a as unknown as FakeAvatar),
  } as unknown as AvatarFactory;
  const connection = { events, selfId: "me", allMembers: () => [] } as unknown as OfficeConnection;
  let now = 1000;
  const remotes = new RemoteAvatars(factory, connection, () => now, () => view);
  const member = (x: number, located = true): MemberSnapshot => ({
    id: "ada", memberId: "m-ada", name: "Ada", avatar: "ada", x: located ? x : NaN, y: located ? 100 : NaN,
    facing: "down", moving: false, ack: 0, located, zone: "Kitchen",
  });
  return { events, remotes, created, released, member, advance: (ms: number) => (now += ms) };
}

describe("RemoteAvatars", () => {
  test("avatars off screen are culled: hidden and not posed", () => {
    const t = setup({ x: 0, y: 0, width: 400, height: 300 });
    t.events.emit("memberAdded", t.member(2000), false);
    t.advance(200);
    t.remotes.update();
    const [avatar] = t.created;
    expect(avatar.visible).toBe(false);
    const posesWhileCulled = avatar.poses;
    t.remotes.update();
    expect(avatar.poses).toBe(posesWhileCulled);
    expect(t.remotes.onScreen).toBe(0);

    t.events.emit("memberChanged", t.member(200));
    t.advance(200);
    t.remotes.update();
    expect(avatar.visible).toBe(true);
    expect(avatar.x).toBe(200);
    expect(t.remotes.onScreen).toBe(1);
  });

  test("someone whose position is not streamed stays known but hidden, and reappears where they are", () => {
    const t = setup({ x: 0, y: 0, width: 4000, height: 3000 });
    t.events.emit("memberAdded", t.member(100), false);
    t.advance(200);
    t.remotes.update();
    const [avatar] = t.created;
    expect(avatar.visible).toBe(true);

    t.events.emit("memberChanged", t.member(0, false));
    t.advance(200);
    t.remotes.update();
    expect(avatar.visible).toBe(false);
    expect(t.remotes.count).toBe(1);

    // Back in view far from where they were last seen: no glide across the map.
    t.events.emit("memberChanged", t.member(3000));
    t.remotes.update();
    expect(avatar.visible).toBe(true);
    expect(avatar.x).toBe(3000);

    t.events.emit("memberRemoved", t.member(3000));
    expect(t.released).toEqual([avatar]);
    expect(t.remotes.count).toBe(0);
  });
});
