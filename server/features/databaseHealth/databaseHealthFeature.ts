import type { ServerMessages } from "../../../shared/protocol/messages";
import { ServerMessage } from "../../../shared/protocol/names";
import { RetryingPresenceStore } from "../../persistence/RetryingPresenceStore";
import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";

/**
 * Tells everyone when the database goes away and comes back (the page shows a
 * discreet notice); the office itself keeps running meanwhile, and the
 * retrying store writes what waited once the database returns.
 */
export function createDatabaseHealthFeature(ctx: RoomContext): RoomFeature {
  const store = ctx.deps.presenceStore;
  if (!(store instanceof RetryingPresenceStore)) return {};
  const notice = (available: boolean): ServerMessages[typeof ServerMessage.Database] => ({ available });
  const off = store.onHealth((available) => ctx.room.broadcast(ServerMessage.Database, notice(available)));
  return {
    onJoin(client) {
      if (!store.healthy) client.send(ServerMessage.Database, notice(false));
    },
    dispose() {
      off();
    },
  };
}
