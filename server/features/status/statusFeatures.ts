import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { DeskService } from "../desks/DeskService";
import { conversationPinsOf } from "../knock/conversationPins";
import { KnockService } from "../knock/KnockService";
import { StatusService } from "./StatusService";

/**
 * Statuses, desks and knocks in one room feature: sitting at a focus desk sets
 * Focus, and knocks read statuses, so the three share one StatusService.
 */
export async function statusFeatures(context: RoomContext): Promise<RoomFeature> {
  const status = new StatusService(context);
  const desks = new DeskService(context, status);
  const knocks = new KnockService(context, status, conversationPinsOf(context));
  status.register();
  desks.register();
  knocks.register();
  try {
    await desks.load();
  } catch (err) {
    // Without the claims people can still sit and talk; owners' desks show again once the store answers at the next room.
    context.log.error("could not load desk claims", err);
  }
  return {
    async onJoin(_client, member, identity) {
      await status.onJoin(member, identity);
      desks.onJoin(member, identity);
    },
    onReconnect: (client) => status.onReconnect(client.sessionId),
    roleChanged: (sessionId, _member, role) => desks.roleChanged(sessionId, role),
    onLeave(sessionId) {
      knocks.onLeave(sessionId);
      desks.onLeave(sessionId);
      status.onLeave(sessionId);
    },
    tick() {
      desks.tick();
      status.tick();
      knocks.tick();
    },
    dispose: () => knocks.dispose(),
  };
}
