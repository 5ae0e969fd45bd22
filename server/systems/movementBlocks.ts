/**
 * Areas a member may not walk into right now, decided by room features (a
 * locked private zone, issue 6). The shared movement rule stays pure; the
 * server's MovementSystem consults these after each step and undoes a step
 * that would enter a blocked area (someone already inside may move about).
 */
export type BlockedCheck = (sessionId: string, x: number, y: number) => boolean;

export class MovementBlocks {
  private readonly checks = new Set<BlockedCheck>();

  /** Adds a check; returns its remover. */
  add(check: BlockedCheck): () => void {
    this.checks.add(check);
    return () => void this.checks.delete(check);
  }

  blocked(sessionId: string, x: number, y: number): boolean {
    for (const check of this.checks) if (check(sessionId, x, y)) return true;
    return false;
  }
}

const perRoom = new WeakMap<object, MovementBlocks>();

/** The room's blocks, shared by its MovementSystem and its features. */
export function roomMovementBlocks(room: object): MovementBlocks {
  let blocks = perRoom.get(room);
  if (!blocks) perRoom.set(room, (blocks = new MovementBlocks()));
  return blocks;
}
