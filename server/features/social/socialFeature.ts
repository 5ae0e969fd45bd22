import type { RingOutcome } from "../../../shared/protocol/socialMessages";
import type { ServerMessages } from "../../../shared/protocol/messages";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { RingBook, type Ring } from "./RingBook";
import { standingSpotNear } from "../../../shared/map/standingSpot";

/** Followers get the target's position at most this often (and only when it changed). */
export const FOLLOW_UPDATE_MS = 400;
/** Lapsed rings are looked for this often. */
const EXPIRE_EVERY_MS = 1000;

type Msg<K extends keyof ServerMessages> = ServerMessages[K];

/**
 * Reaching people: waves, rings ("come to me", accept or decline), emotes
 * shown to the space, locating someone (their position may not be streamed to
 * you when far away) and following them, and name/look changes.
 */
export function createSocialFeature(context: RoomContext, now: () => number = Date.now): RoomFeature {
  const { guard, state } = context;
  const rings = new RingBook();
  /** follower sessionId → target sessionId, with the last position sent. */
  const follows = new Map<string, { target: string; x: number; y: number; sentAt: number }>();
  let lastExpiry = 0;

  const nameOf = (id: string) => state.members.get(id)?.name ?? "";
  const send = <K extends keyof ServerMessages>(to: string, type: K, message: Msg<K>) => context.client(to)?.send(type, message);
  /**
   * Where `id` is, for `walker`: to look at, their own spot; to walk to or
   * follow, a free standing spot beside them (the map's collision grid and
   * who stands there already), so arrivals never stack on one another.
   */
  const located = (id: string, purpose: Msg<typeof ServerMessage.Located>["purpose"], walker?: string): Msg<typeof ServerMessage.Located> | null => {
    const m = state.members.get(id);
    if (!m) return null;
    if (purpose === "locate" || !walker) return { id, x: m.x, y: m.y, zone: m.zone, purpose };
    const me = state.members.get(walker);
    const others = [...state.members.values()].filter((o) => o.id !== id && o.id !== walker);
    const spot = standingSpotNear(context.map, m, others, me ? { x: me.x, y: me.y } : null) ?? m;
    return { id, x: spot.x, y: spot.y, zone: m.zone, purpose };
  };
  const closeRing = (ring: Ring, outcome: RingOutcome) => {
    send(ring.to, ServerMessage.RingClosed, { from: ring.from, outcome });
    send(ring.from, ServerMessage.RingResult, { to: ring.to, name: nameOf(ring.to), outcome });
  };

  guard.on(ClientMessage.Wave, (client, { to }, reject) => {
    if (to === client.sessionId) return reject("you cannot wave at yourself");
    if (!state.members.has(to)) return reject("that person is not here");
    send(to, ServerMessage.Waved, { from: client.sessionId, name: nameOf(client.sessionId) });
  });

  guard.on(ClientMessage.Ring, (client, { to }, reject) => {
    if (to === client.sessionId) return reject("you cannot ring yourself");
    if (!state.members.has(to)) return reject("that person is not here");
    if (!rings.request(client.sessionId, to, now())) return reject("you are already ringing them");
    send(to, ServerMessage.Ring, { from: client.sessionId, name: nameOf(client.sessionId) });
  });

  guard.on(ClientMessage.RingAnswer, (client, { from, accept }, reject) => {
    const ring = rings.answer(from, client.sessionId);
    if (!ring) return reject("that ring is no longer waiting");
    const outcome: RingOutcome = accept ? "accepted" : "declined";
    send(ring.from, ServerMessage.RingResult, { to: ring.to, name: nameOf(ring.to), outcome });
    // Accepting means walking over: the callee's page gets the caller's position to walk to.
    const there = accept ? located(ring.from, "walk", client.sessionId) : null;
    if (there) client.send(ServerMessage.Located, there);
  });

  guard.on(ClientMessage.Emote, (client, { kind }) => {
    context.room.broadcast(ServerMessage.Emote, { id: client.sessionId, kind } satisfies Msg<typeof ServerMessage.Emote>);
  });

  guard.on(ClientMessage.Locate, (client, { to, purpose }, reject) => {
    const there = located(to, purpose === "follow" ? "locate" : purpose, client.sessionId);
    if (!there) return reject("that person is not here");
    client.send(ServerMessage.Located, there);
  });

  guard.on(ClientMessage.Follow, (client, { to }, reject) => {
    const previous = follows.get(client.sessionId);
    if (to === null) {
      follows.delete(client.sessionId);
      if (previous) client.send(ServerMessage.FollowEnded, { id: previous.target, reason: "stopped" });
      return;
    }
    if (to === client.sessionId) return reject("you cannot follow yourself");
    const there = located(to, "follow", client.sessionId);
    if (!there) return reject("that person is not here");
    follows.set(client.sessionId, { target: to, x: there.x, y: there.y, sentAt: now() });
    client.send(ServerMessage.Located, there);
  });

  // "My profile changed": the room shows what the member record now holds, validated when it was
  // saved (PATCH /api/me). Whatever name the message carries is not used: anyone could send any.
  guard.on(
    ClientMessage.SetProfile,
    async (client, _claimed, reject) => {
      const member = state.members.get(client.sessionId);
      if (!member) return reject("you are not in the room");
      if (!context.deps.profiles) return reject("this office keeps no profiles: names cannot change here");
      const stored = await context.deps.profiles.profile(member.memberId);
      if (!stored) return reject("names change through your profile, and this visit has none");
      if (member.name !== stored.name) member.name = stored.name;
      if (member.avatar !== stored.avatar) member.avatar = stored.avatar;
    },
    { failure: "your profile could not be read; try again" },
  );

  return {
    onLeave(sessionId) {
      for (const ring of rings.forget(sessionId)) closeRing(ring, "gone");
      follows.delete(sessionId);
      for (const [follower, follow] of follows) {
        if (follow.target !== sessionId) continue;
        follows.delete(follower);
        send(follower, ServerMessage.FollowEnded, { id: sessionId, reason: "left" });
      }
    },
    tick() {
      const t = now();
      for (const [follower, follow] of follows) {
        if (t - follow.sentAt < FOLLOW_UPDATE_MS) continue;
        const target = state.members.get(follow.target);
        if (!target || (target.x === follow.x && target.y === follow.y)) continue;
        follow.x = target.x;
        follow.y = target.y;
        follow.sentAt = t;
        const there = located(follow.target, "follow", follower);
        if (there) send(follower, ServerMessage.Located, there);
      }
      if (t - lastExpiry < EXPIRE_EVERY_MS) return;
      lastExpiry = t;
      for (const ring of rings.expire(t)) closeRing(ring, "expired");
    },
  };
}
