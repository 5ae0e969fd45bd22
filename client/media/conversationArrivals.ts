/**
 * When each person came into our conversation, in page time, from the room's
 * Conversation messages. The peer-to-peer path stamps its own (CallManager
 * opens a connection the moment the message arrives); through the media
 * server a person's feed comes later, once their camera reaches Janus, so
 * "time to first frame" there starts from here (the page's test hook and
 * bench/media.ts read it). A new conversation starts every clock again.
 */
export class ConversationArrivals {
  private groupId: string | null = null;
  private readonly since = new Map<string, number>();

  update(groupId: string | null, peers: ReadonlyArray<{ id: string }>, now: number = performance.now()): void {
    if (groupId !== this.groupId) this.since.clear();
    this.groupId = groupId;
    const present = new Set(peers.map((p) => p.id));
    for (const id of [...this.since.keys()]) if (!present.has(id)) this.since.delete(id);
    for (const id of present) if (!this.since.has(id)) this.since.set(id, now);
  }

  /** When `id` came into the current conversation; null when they are not in it. */
  of(id: string): number | null {
    return this.since.get(id) ?? null;
  }
}
