import type { ConversationPeer } from "../../shared/protocol/conversationMessages";

/**
 * What to do with our peer connections when a Conversation message arrives:
 * which to open, which to close. A peer whose initiator role flipped is both
 * closed and reopened, so exactly one side makes the offer.
 */
export interface ConversationChange {
  open: ConversationPeer[];
  close: string[];
  keep: ConversationPeer[];
}

export function diffConversation(
  current: ReadonlyMap<string, { initiator: boolean; send?: boolean }>,
  peers: readonly ConversationPeer[] | null,
  selfId: string,
): ConversationChange {
  const next = new Map<string, ConversationPeer>();
  for (const peer of peers ?? []) {
    // A malformed message listing us or someone twice must not open two connections.
    if (peer.id && peer.id !== selfId && !next.has(peer.id)) next.set(peer.id, peer);
  }
  const change: ConversationChange = { open: [], close: [], keep: [] };
  for (const [id, link] of current) {
    const peer = next.get(id);
    // A stage link that starts or stops sending is renegotiated from scratch, like an initiator flip.
    if (!peer || peer.initiator !== link.initiator || (peer.send ?? true) !== (link.send ?? true)) change.close.push(id);
  }
  for (const peer of next.values()) {
    const link = current.get(peer.id);
    if (link && link.initiator === peer.initiator && (link.send ?? true) === (peer.send ?? true)) change.keep.push(peer);
    else change.open.push(peer);
  }
  return change;
}
