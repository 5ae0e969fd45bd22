import type { OfficeConnection } from "../net/OfficeConnection";
import type { MemberSnapshot } from "../net/types";
import type { AvatarFactory } from "./AvatarFactory";
import type { AvatarSprite } from "./AvatarSprite";
import { INTERPOLATION_DELAY_MS, SnapshotBuffer, type Snapshot } from "./SnapshotBuffer";

/**
 * Everyone else: each server update becomes a timestamped snapshot, and each
 * frame draws them as they were ~100 ms ago, interpolated between two real states.
 * Avatars off screen are culled (hidden, not posed); people whose position the
 * server does not stream to us (far away, interest management) are hidden until
 * it does again.
 */

/** Avatars this far outside the camera's view still count as on screen (sprite height plus name tag). */
const CULL_MARGIN_PX = 96;

interface Remote {
  id: string;
  avatar: AvatarSprite;
  /** The look the sprite was made with (people may change it in settings). */
  look: string;
  buffer: SnapshotBuffer;
  /** Whether we currently receive this person's position. */
  located: boolean;
}

export interface ViewRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class RemoteAvatars {
  private readonly remotes = new Map<string, Remote>();
  /** The same remotes as a flat list: the render loop iterates it without allocating. */
  private readonly list: Remote[] = [];
  private readonly sampled: Snapshot = { t: 0, x: 0, y: 0, facing: "down", moving: false };
  private readonly disposers: Array<() => void> = [];
  /** Avatars drawn in the last frame (the rest were culled or unlocated). */
  onScreen = 0;

  constructor(
    private readonly factory: AvatarFactory,
    private readonly connection: OfficeConnection,
    private readonly now: () => number = () => performance.now(),
    private readonly view: () => ViewRect | null = () => factory.view(),
  ) {
    for (const member of connection.allMembers()) this.upsert(member);
    const events = connection.events;
    this.disposers.push(
      events.on("memberAdded", (m) => this.upsert(m)),
      events.on("memberChanged", (m) => this.upsert(m)),
      events.on("memberRemoved", (m) => this.remove(m.id)),
    );
  }

  update(): void {
    const renderTime = this.now() - INTERPOLATION_DELAY_MS;
    const view = this.view();
    const left = view ? view.x - CULL_MARGIN_PX : -Infinity;
    const top = view ? view.y - CULL_MARGIN_PX : -Infinity;
    const right = view ? view.x + view.width + CULL_MARGIN_PX : Infinity;
    const bottom = view ? view.y + view.height + CULL_MARGIN_PX : Infinity;
    let drawn = 0;
    for (let i = 0; i < this.list.length; i++) {
      const remote = this.list[i];
      if (!remote.located) continue;
      const s = remote.buffer.sample(renderTime, this.sampled);
      if (!s) continue;
      const inside = s.x >= left && s.x <= right && s.y >= top && s.y <= bottom;
      remote.avatar.setVisible(inside);
      if (!inside) continue;
      remote.avatar.setPose(s.x, s.y, s.facing, s.moving);
      drawn++;
    }
    this.onScreen = drawn;
  }

  get count(): number {
    return this.remotes.size;
  }

  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    for (const id of [...this.remotes.keys()]) this.remove(id);
  }

  private upsert(member: MemberSnapshot): void {
    if (member.id === this.connection.selfId) return;
    const located = member.located !== false && Number.isFinite(member.x) && Number.isFinite(member.y);
    let remote = this.remotes.get(member.id);
    if (remote && remote.look !== member.avatar) {
      this.remove(member.id);
      remote = undefined;
    }
    if (!remote) {
      remote = {
        id: member.id,
        look: member.avatar,
        avatar: this.factory.create(member.id, member.avatar, member.name, false),
        buffer: new SnapshotBuffer(),
        located: false,
      };
      this.remotes.set(member.id, remote);
      this.list.push(remote);
    }
    remote.avatar.setName(member.name);
    remote.avatar.setStatus(member);
    if (!located) {
      if (remote.located) remote.buffer.clear();
      remote.located = false;
      remote.avatar.setVisible(false);
      return;
    }
    if (!remote.located) {
      // (Back) in view: appear where they are, not glide in from where we last saw them.
      remote.buffer.clear();
      remote.avatar.setPose(member.x, member.y, member.facing, false);
      remote.located = true;
    }
    remote.buffer.push({ t: this.now(), x: member.x, y: member.y, facing: member.facing, moving: member.moving });
  }

  private remove(id: string): void {
    const remote = this.remotes.get(id);
    if (!remote) return;
    this.remotes.delete(id);
    const at = this.list.indexOf(remote);
    if (at >= 0) {
      this.list[at] = this.list[this.list.length - 1];
      this.list.pop();
    }
    this.factory.release(remote.avatar);
  }
}
