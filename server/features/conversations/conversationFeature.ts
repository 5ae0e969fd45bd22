import type { Room } from "@colyseus/core";
import { DEFAULT_GROUPING_SETTINGS, resolveGroupingSettings, type GroupingSettings } from "../../../shared/proximity";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import type { SpaceSettingsForRoom } from "../../deps";
import type { Logger } from "../../log";
import type { RoomContext, RoomFeature, RoomFeatureFactory } from "../../rooms/RoomFeature";
import { roomServices } from "../../rooms/roomServices";
import { roomZones } from "../zones/zoneTrackerFeature";
import { ConversationSystem, type ConversationMessage, type ConversationOverlay } from "./ConversationSystem";
import { iceServersFor } from "./iceServers";
import { ScreenShares } from "./ScreenShares";
import { relaySignal } from "./signalRelay";

/**
 * What other features may do with a room's conversations.
 *
 * `pin(key, ids)`: the given sessions talk together, whatever the distance,
 * zones or status, until `unpin(key)`. Present members of a pin and the
 * conversations they are already in merge into one (a knock accepted from inside
 * a meeting room brings the knocker into the meeting), within the space's cap;
 * those who do not fit are told the conversation is full. Pinning the same key
 * again replaces its ids; pins of people who left are ignored. Takes effect at
 * the next recompute (≤ 1/rateHz seconds).
 */
export interface RoomConversations {
  pin(key: string, ids: readonly string[]): void;
  unpin(key: string): void;
  /** The conversation a session is in right now (as the signal relay sees it). */
  groupOf(sessionId: string): string | undefined;
  membersOf(groupId: string): readonly string[];
  /** What a session is told about its conversation right now (whom it may hear, and its stage role). */
  messageFor(sessionId: string): ConversationMessage;
  /** Hands some people's conversations to another feature (the stage); see ConversationOverlay. */
  setOverlay(overlay: ConversationOverlay | null): void;
  /** Meeting rooms' cap while a media server carries them (null: the space's peer-to-peer cap). */
  setMeetingCap(cap: number | null): void;
  /** Whether the room has accepted this session's screen share (the media server publishes it only then). */
  isSharingScreen(sessionId: string): boolean;
  /** Open-floor conversations' cap while a media server can carry them past the peer-to-peer cap (null: the space's cap). */
  setOpenFloorCap(cap: number | null): void;
}

export interface ConversationFeatureOptions {
  /** Recompute every this many simulation ticks (2 at 20 Hz ticks = 10 Hz). */
  everyTicks?: number;
}

const systems = new WeakMap<Room, RoomConversations>();

/** The conversations of a room, once its conversation feature is running. */
export function roomConversations(room: Room): RoomConversations | undefined {
  return systems.get(room);
}

/** Proximity conversations, their signalling relay, who shares a screen in them, and each session's ICE servers. */
export function conversationFeature(options: ConversationFeatureOptions = {}): RoomFeatureFactory {
  const everyTicks = Math.max(1, Math.floor(options.everyTicks ?? 2));
  return async (context: RoomContext): Promise<RoomFeature> => {
    const settings = await loadSettings(context);
    const zones = roomZones(context);
    const system = new ConversationSystem(context.map, zones, settings, (sessionId, message) => {
      const client = context.client(sessionId);
      client?.send(ServerMessage.Conversation, message);
      return client !== undefined;
    });
    systems.set(context.room, {
      pin: (key, ids) => system.pin(key, ids),
      unpin: (key) => system.unpin(key),
      groupOf: (id) => system.groupOf(id),
      membersOf: (groupId) => system.membersOf(groupId),
      messageFor: (id) => system.messageFor(id),
      setOverlay: (overlay) => system.setOverlay(overlay),
      setMeetingCap: (cap) => system.setMeetingCap(cap),
      isSharingScreen: (id) => shares.isSharing(id),
      setOpenFloorCap: (cap) => system.setOpenFloorCap(cap),
    });
    context.guard.on(ClientMessage.Signal, (client, payload, reject) =>
      relaySignal(
        { groupOf: (id) => system.groupOf(id), client: context.client, mayRelay: (from, to, data) => system.mayRelay(from, to, data) },
        client,
        payload,
        reject,
      ),
    );
    // The "Leave call" button: refused with a reason the page can show when there is nothing to leave.
    context.guard.on(ClientMessage.LeaveConversation, (client, _payload, reject) => {
      const refusal = system.leave(client.sessionId);
      if (refusal) reject(refusal);
    });
    // Screen shares live and end with conversations, so they are decided right after each regrouping.
    const shares = new ScreenShares(
      {
        groupOf: (id) => system.groupOf(id),
        stageRoleOf: (id) => system.messageFor(id).stage?.role ?? null,
        zoneOf: (id) => zones.zoneOf(id)?.id ?? null,
        connected: (id) => context.client(id) !== undefined,
      },
      (sessionId, message) => {
        const client = context.client(sessionId);
        client?.send(ServerMessage.ScreenShares, message);
        return client !== undefined;
      },
    );
    context.guard.on(ClientMessage.ShareScreen, (client, payload, reject) => {
      if (payload.on) {
        const refusal = shares.start(client.sessionId, payload.stream);
        if (refusal) return reject(refusal);
      } else shares.stop(client.sessionId);
      // Tell the conversation now rather than at the next regrouping.
      shares.update(context.state.members.keys());
    });
    const ice = roomServices().config.ice;
    let ticks = 0;

    return {
      onJoin(client, member) {
        client.send(ServerMessage.IceServers, iceServersFor(ice, member.memberId));
      },
      onReconnect(client, member) {
        // Credentials may have expired and the client missed every change while away.
        client.send(ServerMessage.IceServers, iceServersFor(ice, member.memberId));
        system.resend(client.sessionId);
        shares.resend(client.sessionId);
      },
      onLeave(sessionId) {
        system.forget(sessionId);
        shares.forget(sessionId);
      },
      settingsChanged(stored) {
        // Unreadable settings keep the current tuning rather than fall back to the defaults mid-call.
        if (stored) system.setSettings(settingsFrom(stored, context.log));
      },
      tick() {
        if (++ticks % everyTicks !== 0) return;
        try {
          system.update(context.state.members.values());
          shares.update(context.state.members.keys());
        } catch (err) {
          // A bug here must not stop movement; log it, try again next time.
          context.log.error("conversation update failed", err);
        }
      },
      dispose() {
        systems.delete(context.room);
      },
    };
  };
}

/** The room's feature at the default rate (10 Hz). */
export const createConversationFeature: RoomFeatureFactory = conversationFeature();

async function loadSettings(context: RoomContext): Promise<GroupingSettings> {
  let stored: SpaceSettingsForRoom | null = null;
  try {
    stored = (await context.deps.spaces?.settings(context.space)) ?? null;
  } catch (err) {
    context.log.error("could not read the space's conversation settings; using defaults", err);
  }
  return settingsFrom(stored, context.log);
}

/** Space settings → grouping settings; a bad combination falls back to the defaults with a warning. */
export function settingsFrom(stored: SpaceSettingsForRoom | null, log?: Logger): GroupingSettings {
  const overrides: Partial<GroupingSettings> = {};
  if (stored?.hearingRadiusTiles !== undefined) overrides.formRadiusTiles = stored.hearingRadiusTiles;
  if (stored?.leaveRadiusTiles !== undefined) overrides.leaveRadiusTiles = stored.leaveRadiusTiles;
  if (stored?.maxConversationSize !== undefined) overrides.maxGroupSize = stored.maxConversationSize;
  const merged = { ...DEFAULT_GROUPING_SETTINGS, ...overrides };
  // The leave radius must not be below the hearing radius (hysteresis); a space set up otherwise keeps its hearing radius.
  if (merged.leaveRadiusTiles < merged.formRadiusTiles) merged.leaveRadiusTiles = merged.formRadiusTiles;
  try {
    return resolveGroupingSettings(merged);
  } catch (err) {
    log?.warn(`space conversation settings ignored: ${(err as Error).message}`);
    return resolveGroupingSettings();
  }
}
