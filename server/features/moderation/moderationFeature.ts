import { Protocol, type Client } from "@colyseus/core";
import type { ServerMessages } from "../../../shared/protocol/messages";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import { moderationRefusal } from "../../../shared/moderation/canModerate";
import type { Role } from "../../deps";
import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { subscribeRemovals } from "./moderationChannel";

/**
 * Kicks and bans. The actor's role is the one their session was admitted with
 * (never a client's claim), judged by shared/moderation's rule; the target is
 * a present session. A removed client is told why, then
 * disconnected as a consented leave (no seat is held for them).
 */
export async function createModerationFeature(ctx: RoomContext): Promise<RoomFeature> {
  const roles = new Map<string, { role: Role; memberId: string }>();

  const remove = (sessionId: string, banned: boolean, reason: string) => {
    const client = ctx.client(sessionId);
    const notice: ServerMessages[typeof ServerMessage.Removed] = { banned, reason };
    if (client) {
      client.send(ServerMessage.Removed, notice);
      client.leave(Protocol.WS_CLOSE_CONSENTED);
    } else {
      // Dropped and awaiting reconnection: no seat for them either.
      ctx.room.clients.find((c) => c.sessionId === sessionId)?.leave(Protocol.WS_CLOSE_CONSENTED);
    }
  };

  ctx.guard.on(ClientMessage.Moderate, async (client, msg, reject) => {
    const actor = roles.get(client.sessionId);
    const target = roles.get(msg.target);
    if (!actor || !target) return reject("no such person here");
    // The same member in another tab is themselves too.
    const refusal = moderationRefusal(actor.role, target.role, actor.memberId === target.memberId);
    if (refusal) return reject(refusal);
    const reason = msg.reason ?? (msg.action === "ban" ? "You have been banned from this office" : "You have been removed from this office");
    if (msg.action === "ban" && !ctx.deps.bans) return reject("bans need a database");
    // Out at once; the ban is saved after (a failure is logged and told by the guard).
    remove(msg.target, msg.action === "ban", reason);
    if (msg.action === "ban") {
      await ctx.deps.bans!.setBanned(target.memberId, ctx.space, true, actor.memberId);
      ctx.log.info(`${actor.memberId} banned ${target.memberId}`);
    } else {
      ctx.log.info(`${actor.memberId} kicked ${target.memberId}`);
    }
  }, { failure: "they were removed, but the ban could not be saved; try again" });

  const unsubscribe = await subscribeRemovals(ctx.space, (notice) => {
    for (const [sessionId, who] of roles) if (who.memberId === notice.memberId) remove(sessionId, notice.banned, notice.reason);
  });

  return {
    onJoin(client: Client, _member, identity) {
      roles.set(client.sessionId, { role: identity.role, memberId: identity.memberId });
    },
    roleChanged(sessionId, _member, role) {
      const who = roles.get(sessionId);
      if (who) who.role = role;
    },
    onLeave(sessionId) {
      roles.delete(sessionId);
    },
    dispose() {
      unsubscribe();
    },
  };
}
