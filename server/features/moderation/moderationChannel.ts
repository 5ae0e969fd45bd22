import { matchMaker } from "@colyseus/core";

/** A removal decided outside the room (the REST API), delivered to the space's room wherever it runs. */
export interface RemovalNotice {
  memberId: string;
  banned: boolean;
  reason: string;
}

const channel = (space: string) => `deskmap:moderation:${space}`;

/**
 * Through Colyseus's presence (local, or Redis with several processes), so a
 * kick sent to any process reaches the process hosting the room.
 */
export async function publishRemoval(space: string, notice: RemovalNotice): Promise<void> {
  // Without a game server (API-only tests) there is no room to tell.
  const presence = matchMaker.presence as typeof matchMaker.presence | undefined;
  if (presence) await presence.publish(channel(space), notice);
}

export async function subscribeRemovals(space: string, onNotice: (notice: RemovalNotice) => void): Promise<() => void> {
  const handler = (message: unknown) => {
    const n = message as Partial<RemovalNotice> | null;
    if (n && typeof n.memberId === "string" && typeof n.banned === "boolean" && typeof n.reason === "string") {
      onNotice({ memberId: n.memberId, banned: n.banned, reason: n.reason });
    }
  };
  await matchMaker.presence.subscribe(channel(space), handler);
  return () => void matchMaker.presence.unsubscribe(channel(space), handler);
}
