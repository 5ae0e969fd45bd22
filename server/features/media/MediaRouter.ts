import type { OfficeMap } from "../../../shared/map/types";
import type { MediaKind, ServerMediaMessages } from "../../../shared/protocol/mediaMessages";
import { ServerMessage } from "../../../shared/protocol/names";
import type { Logger } from "../../log";
import { feedKey, JanusParticipant } from "../../media/JanusParticipant";
import type { JanusMedia } from "../../media/JanusMedia";
import type { ConversationMessage } from "../conversations/ConversationSystem";
import { decideRoute, isOpenFloor, wantsJanus, type MediaRouteDecision } from "./mediaRoute";
import { OpenFloorSwitch, type OpenFloorSwitchOptions } from "./OpenFloorSwitch";

/**
 * The room's side of the media server path: decides each person's route from
 * their conversation, holds their Janus handles (a JanusParticipant), and
 * withdraws access the moment the conversation no longer grants it (they
 * walked out of the meeting room, were kicked, stepped down from the stage):
 * handles are detached, so Janus itself closes those PeerConnections. Every
 * publish and subscribe is checked against the person's conversation as it is
 * at that moment, not as the browser says it is. A shared screen is a second
 * publisher of the same person, allowed only while the room's screen shares
 * list them (deps.sharing), and withdrawn like a camera the moment it is not.
 * Open-floor conversations go through Janus while the OpenFloorSwitch says so
 * (grown past the peer-to-peer cap), and keep their handles a while after
 * switching back.
 */

/** A request the room refuses; the message is shown to the person. */
export class MediaRefusal extends Error {}

const KINDS: readonly MediaKind[] = ["camera", "screen"];

type RouteMessage = ServerMediaMessages[typeof ServerMessage.MediaRoute];
type MediaSend = <K extends keyof ServerMediaMessages>(sessionId: string, type: K, message: ServerMediaMessages[K]) => boolean;

export interface MediaRouterDeps {
  map: OfficeMap;
  janus: JanusMedia;
  messageFor(sessionId: string): ConversationMessage;
  nameOf(sessionId: string): string;
  send: MediaSend;
  /** Whether the room has accepted this person's screen share (ScreenShares). */
  sharing(sessionId: string): boolean;
  log: Logger;
  /** Peer-to-peer cap, for the "unreachable" notice and the open-floor switch. */
  meshCap(): number;
  openFloor?: OpenFloorSwitchOptions;
}

export class MediaRouter {
  private readonly routes = new Map<string, MediaRouteDecision>();
  private readonly told = new Map<string, string>();
  private readonly participants = new Map<string, JanusParticipant>();
  /** Feed key (feedKey: owner and kind) → Janus feed id, for every feed whose media reached Janus (webrtcup) and may still be published. */
  private readonly feeds = new Map<string, number>();

  private readonly openFloor: OpenFloorSwitch;

  constructor(private readonly deps: MediaRouterDeps) {
    this.openFloor = new OpenFloorSwitch(() => deps.meshCap(), deps.openFloor);
  }

  /** Tells a newcomer that this server has a media server, so their page waits for routes. */
  greet(sessionId: string): void {
    this.tell(sessionId, true);
  }

  /** Re-decides routes for these sessions, withdraws what they may no longer have, and tells whoever's route changed. */
  update(sessionIds: Iterable<string>): void {
    const ids = [...sessionIds];
    this.switchOpenFloor(ids);
    const routes = new Map(ids.map((id) => [id, this.decide(id)]));
    // Publishers first, so subscriptions to a feed withdrawn now go in the same update.
    for (const [id, route] of routes) this.withdrawPublishing(id, route);
    for (const [id, route] of routes) this.withdrawSubscriptions(id, route);
    for (const id of ids) this.tell(id, false);
    void this.destroyEmptyRooms();
  }

  async publish(sessionId: string, sdp: string, kind: MediaKind = "camera"): Promise<string> {
    const route = this.decide(sessionId);
    this.refuseUnlessJanus(route);
    if (!route.publish) throw new MediaRefusal("Only speakers may publish on the stage: you are listening.");
    if (kind === "screen" && !this.deps.sharing(sessionId)) throw new MediaRefusal("The room has not accepted a screen share from you.");
    const participant = await this.participantFor(sessionId, route);
    const answer = await participant.publish(sdp, kind);
    const feedId = await participant.feedId(kind);
    // The conversation (or the share) may have changed while Janus answered.
    if (feedId === undefined || !this.mayPublish(sessionId, kind, route, participant)) {
      await participant.unpublish(kind);
      throw new MediaRefusal(kind === "screen" ? "Your screen share ended: publishing it stopped." : "Your conversation changed: publishing ended.");
    }
    return answer;
  }

  async subscribe(sessionId: string, feed: string, kind: MediaKind = "camera"): Promise<string> {
    const route = this.decide(sessionId);
    this.refuseUnlessJanus(route);
    if (!route.maySee.includes(feed)) throw new MediaRefusal("You may not see that feed: they are not in your conversation.");
    const feedId = this.feeds.get(feedKey(feed, kind));
    if (feedId === undefined || this.participants.get(feed)?.roomKey !== route.roomKey) {
      throw new MediaRefusal(kind === "screen" ? "That person is not sharing a screen." : "That person is not publishing.");
    }
    const participant = await this.participantFor(sessionId, route);
    return participant.subscribe(feed, kind, feedId);
  }

  async answer(sessionId: string, feed: string, kind: MediaKind, sdp: string): Promise<void> {
    const participant = this.participants.get(sessionId);
    const key = feedKey(feed, kind);
    if (!participant?.subscribedFeeds().includes(key)) throw new MediaRefusal("No such feed to answer.");
    await participant.answer(key, sdp);
  }

  async candidate(sessionId: string, feed: string | null, kind: MediaKind, candidate: Parameters<JanusParticipant["trickle"]>[2]): Promise<void> {
    const participant = this.participants.get(sessionId);
    if (!participant) throw new MediaRefusal("Not connected to the media server.");
    await participant.trickle(feed === null ? null : feedKey(feed, kind), kind, candidate);
  }

  /** A person left the room for good. */
  forget(sessionId: string): void {
    this.drop(sessionId);
    this.routes.delete(sessionId);
    this.told.delete(sessionId);
  }

  /** Janus went away: nothing of it is held any more; routes fall back at the next update. */
  lostJanus(): void {
    this.openFloor.reset();
    for (const id of [...this.participants.keys()]) this.drop(id);
  }

  /** Whether this person's conversation goes through Janus right now. */
  viaJanus(sessionId: string): boolean {
    return this.decide(sessionId).via === "janus";
  }

  /** Who is in a conversation's VideoRoom as Janus reports it (checks and tests). */
  async janusParticipants(roomKey: string) {
    return (await this.deps.janus.current?.rooms.participants(roomKey)) ?? [];
  }

  /** Publishing feeds the router holds, by feed key: a camera's owner's session id, `<id>/screen` for a screen (tests). */
  publishing(): string[] {
    return [...this.feeds.keys()];
  }

  subscriptionsOf(sessionId: string): string[] {
    return this.participants.get(sessionId)?.subscribedFeeds() ?? [];
  }

  async dispose(): Promise<void> {
    const all = [...this.participants.values()];
    this.participants.clear();
    this.feeds.clear();
    await Promise.all(all.map((p) => p.dispose().catch(() => undefined)));
  }

  private decide(sessionId: string): MediaRouteDecision {
    const route = decideRoute(this.deps.messageFor(sessionId), this.deps.map, this.deps.janus.current !== null, (g) => this.openFloor.viaJanus(g));
    this.routes.set(sessionId, route);
    return route;
  }

  /** Whether this person may publish that kind in this participant's room right now. */
  private mayPublish(sessionId: string, kind: MediaKind, route: MediaRouteDecision, participant: JanusParticipant): boolean {
    const now = this.decide(sessionId);
    if (now.via !== "janus" || now.roomKey !== route.roomKey || !now.publish || this.participants.get(sessionId) !== participant) return false;
    return kind === "camera" || this.deps.sharing(sessionId);
  }

  private refuseUnlessJanus(route: MediaRouteDecision): void {
    if (route.via !== "janus") throw new MediaRefusal("Your conversation does not go through the media server.");
  }

  private async participantFor(sessionId: string, route: MediaRouteDecision): Promise<JanusParticipant> {
    const existing = this.participants.get(sessionId);
    if (existing && existing.roomKey === route.roomKey) return existing;
    const link = this.deps.janus.current;
    if (!link) throw new MediaRefusal("The media server is unreachable.");
    const access = await link.rooms.ensure(route.roomKey!, { description: route.roomKey!, publishers: route.publishers });
    const raced = this.participants.get(sessionId);
    if (raced && raced.roomKey === route.roomKey) return raced;
    if (raced) this.drop(sessionId);
    const participant = new JanusParticipant(link.session, route.roomKey!, access, this.deps.nameOf(sessionId), {
      ended: (owner, kind, reason) => {
        if (this.participants.get(sessionId) !== participant) return;
        if (owner === null) this.feeds.delete(feedKey(sessionId, kind));
        this.deps.send(sessionId, ServerMessage.MediaEnded, { feed: owner, kind, reason: `The media server ended it (${reason}).` });
      },
      live: (kind, feedId) => {
        if (this.participants.get(sessionId) !== participant) return;
        const route = this.decide(sessionId);
        // Others see the feed in their routes at the next update.
        if (route.via === "janus" && route.roomKey === participant.roomKey && this.mayPublish(sessionId, kind, route, participant)) {
          this.feeds.set(feedKey(sessionId, kind), feedId);
        }
      },
    });
    this.participants.set(sessionId, participant);
    return participant;
  }

  /** Takes back the publishing the new route (or the end of a share) no longer grants. */
  private withdrawPublishing(sessionId: string, route: MediaRouteDecision): void {
    const participant = this.participants.get(sessionId);
    if (!participant || this.draining(participant, route)) return;
    if (route.via !== "janus" || participant.roomKey !== route.roomKey) {
      this.drop(sessionId);
      return;
    }
    if (!route.publish && participant.isPublishing("camera")) {
      this.feeds.delete(feedKey(sessionId, "camera"));
      void participant.unpublish("camera");
      this.deps.send(sessionId, ServerMessage.MediaEnded, { feed: null, kind: "camera", reason: "You are no longer a speaker." });
    }
    const screenFeed = feedKey(sessionId, "screen");
    if ((participant.isPublishing("screen") || this.feeds.has(screenFeed)) && (!route.publish || !this.deps.sharing(sessionId))) {
      this.feeds.delete(screenFeed);
      void participant.unpublish("screen");
      this.deps.send(sessionId, ServerMessage.MediaEnded, { feed: null, kind: "screen", reason: "Your screen share ended." });
    }
  }

  /** Takes back the feeds this person may no longer see, or that are no longer published. */
  private withdrawSubscriptions(sessionId: string, route: MediaRouteDecision): void {
    const participant = this.participants.get(sessionId);
    if (!participant || this.draining(participant, route)) return;
    for (const { owner, kind } of participant.subscribed()) {
      const stillPublishing = this.feeds.has(feedKey(owner, kind)) && this.participants.get(owner)?.roomKey === route.roomKey;
      if (route.maySee.includes(owner) && stillPublishing) continue;
      void participant.unsubscribe(feedKey(owner, kind));
      const reason = stillPublishing ? "They are no longer in your conversation." : kind === "screen" ? "They stopped sharing their screen." : "They stopped publishing.";
      this.deps.send(sessionId, ServerMessage.MediaEnded, { feed: owner, kind, reason });
    }
  }

  /** Back to peer to peer from the open floor's Janus room: its handles stay as they are while the pages bring their links up. */
  private draining(participant: JanusParticipant, route: MediaRouteDecision): boolean {
    return route.via === "mesh" && route.roomKey !== null && participant.roomKey === route.roomKey && this.openFloor.draining(route.roomKey);
  }

  /** Open-floor conversations' sizes to the switch, once per update, before anyone's route is decided. */
  private switchOpenFloor(ids: readonly string[]): void {
    const sizes = new Map<string, number>();
    if (this.deps.janus.current) {
      for (const id of ids) {
        const message = this.deps.messageFor(id);
        if (isOpenFloor(message, this.deps.map)) sizes.set(message.groupId!, message.peers.length + 1);
      }
    }
    this.openFloor.update(sizes);
  }

  private drop(sessionId: string): void {
    const participant = this.participants.get(sessionId);
    if (!participant) return;
    this.participants.delete(sessionId);
    this.feeds.delete(feedKey(sessionId, "camera"));
    this.feeds.delete(feedKey(sessionId, "screen"));
    void participant.dispose().catch((err) => this.deps.log.warn(`media: could not end ${sessionId}'s Janus handles`, err));
  }

  private tell(sessionId: string, always: boolean): void {
    const route = this.routes.get(sessionId) ?? this.decide(sessionId);
    const janus = route.via === "janus";
    const message: RouteMessage = {
      groupId: route.roomKey,
      via: route.via,
      publish: janus && route.publish,
      publishScreen: janus && route.publish && this.deps.sharing(sessionId),
      feeds: route.maySee
        .filter((id) => this.participants.get(id)?.roomKey === route.roomKey)
        .flatMap((id) => KINDS.filter((kind) => this.feeds.has(feedKey(id, kind))).map((kind) => ({ id, name: this.deps.nameOf(id), kind }))),
    };
    const problem = this.deps.janus.problem;
    if (route.via === "mesh" && problem && route.roomKey && wantsJanus(this.deps.messageFor(sessionId), this.deps.map)) {
      message.notice = `${problem} This call is peer to peer, for at most ${this.deps.meshCap()} people.`;
    }
    const json = JSON.stringify(message);
    if (!always && this.told.get(sessionId) === json) return;
    if (this.deps.send(sessionId, ServerMessage.MediaRoute, message)) this.told.set(sessionId, json);
  }

  private async destroyEmptyRooms(): Promise<void> {
    const link = this.deps.janus.current;
    if (!link) return;
    const used = new Set([...this.participants.values()].map((p) => p.roomKey));
    for (const route of this.routes.values()) if (route.via === "janus" && route.roomKey) used.add(route.roomKey);
    for (const key of link.rooms.keys()) if (!used.has(key)) await link.rooms.destroy(key);
  }
}
