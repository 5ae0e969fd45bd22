import type { OfficeConnection } from "../net/OfficeConnection";
import type { MemberSnapshot } from "../net/types";
import type { AvatarFactory } from "./AvatarFactory";
import type { AvatarSprite } from "./AvatarSprite";
import { INTERPOLATION_DELAY_MS, SnapshotBuffer } from "./SnapshotBuffer";

/**
 * Everyone else: each server update becomes a timestamped snapshot, and each
 * frame draws them as they were ~100 ms ago, interpolated between two real states.
 */

interface Remote {
  avatar: AvatarSprite;
  buffer: SnapshotBuffer;
}

export class RemoteAvatars {
  private readonly remotes = new Map<string, Remote>();
  private readonly disposers: Array<() => void> = [];

  constructor(
    private readonly factory: AvatarFactory,
    private readonly connection: OfficeConnection,
    private readonly now: () => number = () => performance.now(),
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
    for (const remote of this.remotes.values()) {
      const s = remote.buffer.sample(renderTime);
      if (s) remote.avatar.setPose(s.x, s.y, s.facing, s.moving);
    }
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
    let remote = this.remotes.get(member.id);
    if (!remote) {
      remote = { avatar: this.factory.create(member.avatar, member.name, false), buffer: new SnapshotBuffer() };
      this.remotes.set(member.id, remote);
      remote.avatar.setPose(member.x, member.y, member.facing, false);
    }
    remote.avatar.setName(member.name);
    remote.avatar.setStatus(member);
    remote.buffer.push({ t: this.now(), x: member.x, y: member.y, facing: member.facing, moving: member.moving });
  }

  private remove(id: string): void {
    const remote = this.remotes.get(id);
    if (!remote) return;
    this.remotes.delete(id);
    this.factory.release(remote.avatar);
  }
}
