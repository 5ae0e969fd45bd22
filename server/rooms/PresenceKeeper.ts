import type { Facing } from "../../shared/avatars";
import type { PresenceStore, SavedPosition } from "../deps";
import type { Logger } from "../log";
import type { MemberState } from "../schema/MemberState";

/**
 * Remembers where people were, through an optional PresenceStore. Storage
 * failures are logged and never keep anyone out of (or in) the room.
 */
export class PresenceKeeper {
  constructor(
    private readonly store: PresenceStore | undefined,
    private readonly space: string,
    private readonly log: Logger,
  ) {}

  get enabled(): boolean {
    return this.store !== undefined;
  }

  async load(memberId: string): Promise<SavedPosition | null> {
    if (!this.store) return null;
    try {
      return await this.store.load(memberId, this.space);
    } catch (err) {
      this.log.warn(`could not load position of ${memberId}`, err);
      return null;
    }
  }

  async save(member: MemberState): Promise<void> {
    if (!this.store) return;
    const position = { x: member.x, y: member.y, facing: member.facing as Facing };
    try {
      await this.store.save(member.memberId, this.space, position);
    } catch (err) {
      this.log.warn(`could not save position of ${member.memberId}`, err);
    }
  }

  async saveAll(members: Iterable<MemberState>): Promise<void> {
    await Promise.all([...members].map((m) => this.save(m)));
  }
}
