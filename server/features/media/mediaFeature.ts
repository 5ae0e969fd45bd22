import { DEFAULT_GROUPING_SETTINGS } from "../../../shared/proximity";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import type { MediaServerConfig } from "../../config";
import { JanusMedia, type JanusMediaOptions } from "../../media/JanusMedia";
import type { RoomContext, RoomFeature, RoomFeatureFactory } from "../../rooms/RoomFeature";
import { roomServices } from "../../rooms/roomServices";
import { roomConversations, settingsFrom } from "../conversations/conversationFeature";
import { MEDIA_SERVER_STAGE_CAPS, PEER_TO_PEER_STAGE_CAPS } from "../../../shared/meetups/stageRoles";
import { roomStage } from "../stage/stageFeature";
import { MediaRefusal, MediaRouter } from "./MediaRouter";
import { MEDIA_SERVER_MEETING_CAP } from "./mediaRoute";
import type { OpenFloorSwitchOptions } from "./OpenFloorSwitch";

/**
 * Meeting rooms and stages through Janus (issue 19), when JANUS_URL is set,
 * and open-floor conversations once they grow past the peer-to-peer cap.
 * The room connects to Janus as it opens (a few seconds at most: an
 * unreachable Janus means peer to peer with a notice, retried in the
 * background), relays each person's SDP and ICE candidates to handles only
 * the server holds, and re-decides routes at the conversation rate. Screen
 * shares are the conversation feature's to accept or end; the router lets a
 * person publish a screen only while theirs is accepted.
 */

const routers = new WeakMap<object, MediaRouter>();

/** The room's media router, when a media server is configured (tests and benchmarks read it). */
export function roomMedia(room: object): MediaRouter | undefined {
  return routers.get(room);
}

export interface MediaFeatureOptions {
  /** Overrides the configured media server (tests). */
  config?: MediaServerConfig;
  janus?: JanusMediaOptions;
  /** Re-decide routes every this many ticks (2 at 20 Hz = with the conversations). */
  everyTicks?: number;
  /** The open-floor switch's hold and drain times (tests shorten them). */
  openFloor?: OpenFloorSwitchOptions;
}

export function mediaFeature(options: MediaFeatureOptions = {}): RoomFeatureFactory {
  return async (context: RoomContext): Promise<RoomFeature> => {
    const config = options.config ?? roomServices().config.media;
    const conversations = roomConversations(context.room);
    if (!config?.janusUrl || !config.janusApiSecret || !conversations) return {};
    const janus = new JanusMedia({ janusUrl: config.janusUrl, janusApiSecret: config.janusApiSecret, janusAdminKey: config.janusAdminKey }, context.log, options.janus);
    let cap = DEFAULT_GROUPING_SETTINGS.maxGroupSize;
    const router = new MediaRouter({
      map: context.map,
      janus,
      messageFor: (id) => conversations.messageFor(id),
      nameOf: (id) => context.state.members.get(id)?.name ?? "",
      send: (id, type, message) => {
        const client = context.client(id);
        client?.send(type, message);
        return client !== undefined;
      },
      sharing: (id) => conversations.isSharingScreen(id),
      log: context.log,
      meshCap: () => cap,
      openFloor: options.openFloor,
    });
    routers.set(context.room, router);
    // Janus carries more people than peer to peer: larger caps while it is up, the peer-to-peer ones when it is not.
    const stage = roomStage(context.room);
    const applyCaps = () => {
      const up = janus.current !== null;
      conversations.setMeetingCap(up ? Math.max(MEDIA_SERVER_MEETING_CAP, cap) : null);
      // The open floor may grow as large as a meeting room; past the peer-to-peer cap the router sends it through Janus.
      conversations.setOpenFloorCap(up ? Math.max(MEDIA_SERVER_MEETING_CAP, cap) : null);
      stage?.overlay.setCaps(up ? MEDIA_SERVER_STAGE_CAPS : PEER_TO_PEER_STAGE_CAPS);
    };
    janus.onChange(() => {
      if (!janus.current) router.lostJanus();
      applyCaps();
      router.update(context.state.members.keys());
    });
    try {
      const stored = await context.deps.spaces?.settings(context.space);
      if (stored) cap = settingsFrom(stored).maxGroupSize;
    } catch {
      // The conversation feature logs unreadable settings; the default cap only words a notice here.
    }
    await janus.connect();

    const refuse = (reject: (reason: string) => void, what: string) => (error: unknown) => {
      if (error instanceof MediaRefusal) reject(error.message);
      else {
        context.log.warn(`media: ${what} failed`, error);
        reject(`The media server could not ${what}.`);
      }
    };
    context.guard.on(ClientMessage.MediaPublish, (client, { sdp, kind = "camera" }, reject) => {
      router.publish(client.sessionId, sdp, kind).then((answer) => client.send(ServerMessage.MediaPublished, { kind, sdp: answer }), refuse(reject, "publish"));
    });
    context.guard.on(ClientMessage.MediaSubscribe, (client, { feed, kind = "camera" }, reject) => {
      router.subscribe(client.sessionId, feed, kind).then((offer) => client.send(ServerMessage.MediaOffer, { feed, kind, sdp: offer }), refuse(reject, "subscribe"));
    });
    context.guard.on(ClientMessage.MediaAnswer, (client, { feed, kind = "camera", sdp }, reject) => {
      router.answer(client.sessionId, feed, kind, sdp).catch(refuse(reject, "start the feed"));
    });
    context.guard.on(ClientMessage.MediaCandidate, (client, { feed, kind = "camera", candidate }, reject) => {
      router.candidate(client.sessionId, feed, kind, candidate).catch(refuse(reject, "pass the candidate on"));
    });

    const everyTicks = Math.max(1, Math.floor(options.everyTicks ?? 2));
    let ticks = 0;
    return {
      onJoin(client) {
        router.greet(client.sessionId);
      },
      onReconnect(client) {
        router.greet(client.sessionId);
      },
      onLeave(sessionId) {
        router.forget(sessionId);
      },
      settingsChanged(stored) {
        if (stored) cap = settingsFrom(stored).maxGroupSize;
        applyCaps();
      },
      tick() {
        if (++ticks % everyTicks !== 0) return;
        router.update(context.state.members.keys());
      },
      async dispose() {
        routers.delete(context.room);
        conversations.setMeetingCap(null);
        conversations.setOpenFloorCap(null);
        stage?.overlay.setCaps(PEER_TO_PEER_STAGE_CAPS);
        await router.dispose();
        janus.close();
      },
    };
  };
}

export const createMediaFeature: RoomFeatureFactory = mediaFeature();
