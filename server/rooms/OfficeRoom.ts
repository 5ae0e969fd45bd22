import { ErrorCode, Protocol, Room, ServerError, matchMaker, type AuthContext, type Client } from "@colyseus/core";
import type { ServerMessages } from "../../shared/protocol/messages";
import { ClientMessage, OFFICE_ROOM, PROTOCOL_VERSION, ServerMessage } from "../../shared/protocol/names";
import { TICK_MS } from "../../shared/rules/constants";
import { moveCommand } from "../commands/MoveCommand";
import type { Identity, Role, SavedPosition } from "../deps";
import type { Logger } from "../log";
import { describeError } from "../net/describeError";
import { MessageGuard } from "../net/MessageGuard";
import { SocketBatch } from "../net/SocketBatch";
import { MemberState } from "../schema/MemberState";
import { OfficeState } from "../schema/OfficeState";
import { MovementSystem } from "../systems/MovementSystem";
import { roomMovementBlocks } from "../systems/movementBlocks";
import { Placement } from "../systems/Placement";
import { openOfficeRoom } from "./openOfficeRoom";
import { PersonSessions } from "./PersonSessions";
import { PresenceKeeper } from "./PresenceKeeper";
import type { RoomContext, RoomFeature } from "./RoomFeature";
import { ROOM_FEATURES } from "./roomFeatures";
import { roomServices } from "./roomServices";
import { SpawnPicker } from "./SpawnPicker";

/** A kind of background failure is logged at most this often. */
const BACKGROUND_LOG_MS = 10_000;
const ROLES: readonly string[] = ["owner", "admin", "member", "guest"] satisfies Role[];

export interface OfficeRoomOptions {
  /** Set by onAuth to the identity's space, so `filterBy(["space"])` gives one room per space. */
  space: string;
}

/** One office space: lifecycle and wiring only; commands and systems do the work. */
export class OfficeRoom extends Room<OfficeState, unknown, unknown, Identity> {
  private space = "";
  /** The active map's version this room was built on. */
  private mapVersion = 0;
  private log!: Logger;
  private movement!: MovementSystem;
  private spawns!: SpawnPicker;
  private placement!: Placement;
  private guard!: MessageGuard;
  private positions!: PresenceKeeper;
  private reconnectSeconds = 0;
  private features: RoomFeature[] = [];
  /** Connected clients by session id: features look them up every tick (Colyseus's own lookup walks a list). */
  private readonly connected = new Map<string, Client>();
  private readonly batch = new SocketBatch();
  private readonly failureLoggedAt = new Map<string, number>();
  private readonly sessions = new PersonSessions((sessionId) => this.connected.get(sessionId));
  /** Ticks between state patches (PATCH_RATE_HZ; 20 Hz = every tick), and ticks since the last. */
  private patchEvery = 1;
  private ticksSincePatch = 0;

  /**
   * Authenticates during matchmaking, before a room is chosen, so a refused
   * join never creates a room, and the error message reaches the browser as is.
   */
  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<Identity> {
    const identity = await roomServices().deps.identity.authenticateJoin(options, {
      headers: context.headers as Record<string, string | string[] | undefined>,
      ip: firstIp(context.ip),
    });
    // Matchmaking filters rooms on options.space: it must see the validated slug, default included.
    (options as OfficeRoomOptions).space = identity.space;
    // Opened here, one opener per space at a time, before the match-maker looks for it (openOfficeRoom.ts).
    await openOfficeRoom(identity.space);
    return identity;
  }

  override async onCreate(options: OfficeRoomOptions): Promise<void> {
    const { deps, config, log, presenceSaveMs } = roomServices();
    this.space = options.space;
    this.reconnectSeconds = config.reconnectSeconds;
    this.log = log.child(`room ${this.space}`);
    // joinOrCreate finds the space's room through filterBy; a direct `create` must not open a second one.
    const open = await matchMaker.query({ name: OFFICE_ROOM, space: this.space });
    if (open.some((listing) => listing.roomId && listing.roomId !== this.roomId)) {
      throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `The office "${this.space}" is already open: join it`);
    }
    const active = await deps.maps.activeMap(this.space);
    if (!active) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `There is no office called "${this.space}"`);

    this.mapVersion = active.version;
    this.state = new OfficeState();
    this.movement = new MovementSystem(active.map, {}, roomMovementBlocks(this));
    this.spawns = new SpawnPicker(active.map);
    this.placement = new Placement(active.map, roomMovementBlocks(this));
    this.positions = new PresenceKeeper(deps.presenceStore, this.space, this.log);
    this.guard = new MessageGuard({
      maxBytes: config.maxMessageBytes,
      log: this.log,
      personOf: (client) => (client.auth as Identity | undefined)?.memberId ?? client.sessionId,
    });
    this.guard.on(ClientMessage.Move, (client, input, reject) => moveCommand(this.movement, client, input, reject));
    const context: RoomContext = {
      room: this,
      space: this.space,
      state: this.state,
      map: active.map,
      guard: this.guard,
      deps,
      log: this.log,
      placement: this.placement,
      background: (what, task) => {
        task.catch((err: unknown) => this.logFailure(what, err));
      },
      client: (sessionId) => this.connected.get(sessionId),
    };
    for (const create of ROOM_FEATURES) this.features.push(await create(context));

    this.setSimulationInterval((elapsedMs) => this.tick(elapsedMs), TICK_MS);
    // Patches follow the tick that moved people instead of a timer of their own, so a step
    // reaches others at once rather than up to a patch interval later.
    this.patchEvery = Math.max(1, Math.round(1000 / config.patchRateHz / TICK_MS));
    this.setPatchRate(null);
    if (this.positions.enabled) {
      this.clock.setInterval(() => void this.positions.saveAll(this.state.members.values()), presenceSaveMs);
    }
    this.log.info(`created (map v${active.version})`);
  }

  override async onJoin(client: Client, _options: unknown, identity: Identity): Promise<void> {
    // joinById skips filterBy: whoever was admitted to one space must not walk into another's room.
    if (identity.space !== this.space) {
      throw new ServerError(ErrorCode.AUTH_FAILED, `This room belongs to another office than "${identity.space}"`);
    }
    // One connection per person: an earlier one (another tab, a held drop) makes way first.
    this.guard.admit(client);
    const earlier = [...this.state.members.values()].filter((m) => m.memberId === identity.memberId);
    await Promise.all(earlier.map((m) => this.sessions.replace(m.id)));
    const saved = await this.positions.load(identity.memberId);
    const place = this.arrival(client.sessionId, this.spawns.place(saved, this.state.members.values()));
    const member = new MemberState();
    member.id = client.sessionId;
    member.memberId = identity.memberId;
    member.name = identity.name;
    member.avatar = identity.avatar;
    member.role = identity.role;
    member.x = place.x;
    member.y = place.y;
    member.facing = place.facing;
    this.state.members.set(client.sessionId, member);
    this.connected.set(client.sessionId, client);
    this.movement.add(client.sessionId, member);
    this.sendWelcome(client, identity.role);
    this.log.debug(`joined: ${client.sessionId} (member ${identity.memberId})`);
    for (const feature of this.features) await feature.onJoin?.(client, member, identity);
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    this.connected.delete(client.sessionId);
    this.log.debug(`left: ${client.sessionId} (${consented ? "said goodbye" : "dropped"})`);
    const mayResume = !consented && this.reconnectSeconds > 0 && !this.guard.wasExpelled(client);
    if (mayResume && this.state.members.has(client.sessionId)) {
      // A dropped connection (not a goodbye): hold the avatar where it stands for a while.
      this.movement.resetInput(client.sessionId);
      try {
        const back = await this.sessions.hold(client.sessionId, this.allowReconnection(client, this.reconnectSeconds));
        this.sessions.unhold(client.sessionId);
        this.connected.set(back.sessionId, back);
        // The state's role: it follows role changes made while they were away (changeRole).
        this.sendWelcome(back, (this.state.members.get(back.sessionId)?.role as Role | undefined) ?? (back.auth as Identity | undefined)?.role);
        const member = this.state.members.get(back.sessionId);
        // A zone locked while they were away is not theirs to be in: back outside its door.
        if (member && !this.placement.allowed(member.id, member.x, member.y)) {
          const outside = this.arrival(member.id, member);
          member.x = outside.x;
          member.y = outside.y;
          member.moving = false;
        }
        if (member) for (const feature of this.features) feature.onReconnect?.(back, member);
        return;
      } catch {
        // Not back in time, or the room is closing: they leave for good.
      }
    }
    try {
      this.guard.forget(client);
      this.movement.remove(client.sessionId);
      const member = this.state.members.get(client.sessionId);
      if (!member) return;
      for (const feature of this.features) await feature.onLeave?.(client.sessionId, member);
      this.state.members.delete(client.sessionId);
      await this.positions.save(member);
    } finally {
      this.sessions.left(client.sessionId);
    }
  }

  /**
   * Where someone put at `wanted` really arrives: there when they may stand
   * there, else the nearest allowed free spot (outside a locked zone, never
   * among the people it keeps private), else a spawn.
   */
  private arrival<P extends { x: number; y: number }>(sessionId: string, wanted: P): P | SavedPosition {
    if (this.placement.allowed(sessionId, wanted.x, wanted.y)) return wanted;
    const others = [...this.state.members.values()].filter((m) => m.id !== sessionId);
    const near = this.placement.nearestAllowed(sessionId, wanted, others);
    if (near) return { ...near, facing: "down" };
    return this.spawns.place(null, others);
  }

  /** Background failures, logged at most once per kind per BACKGROUND_LOG_MS (an outage fails them all). */
  private logFailure(what: string, err: unknown): void {
    const now = Date.now();
    const last = this.failureLoggedAt.get(what) ?? Number.NEGATIVE_INFINITY;
    if (now - last < BACKGROUND_LOG_MS) return;
    this.failureLoggedAt.set(what, now);
    this.log.error(`${what} failed: ${describeError(err)}`);
  }

  private sendWelcome(client: Client, role?: Identity["role"]): void {
    const welcome: ServerMessages[typeof ServerMessage.Welcome] = {
      protocol: PROTOCOL_VERSION,
      space: this.space,
      selfId: client.sessionId,
      mapUrl: `/api/spaces/${this.space}/map`,
      mapVersion: this.mapVersion,
      role,
    };
    client.send(ServerMessage.Welcome, welcome);
  }

  private tick(elapsedMs: number): void {
    this.batch.hold(this.clients);
    try {
      this.movement.tick(elapsedMs);
      for (const feature of this.features) feature.tick?.();
      if (++this.ticksSincePatch >= this.patchEvery) {
        this.ticksSincePatch = 0;
        this.broadcastPatch();
      }
    } finally {
      this.batch.release();
    }
  }

  /** Positions follow the patch that may have just introduced the people they are about. */
  override broadcastPatch(): boolean {
    // Usually held since the tick began (no-op then); released here so the writes count as the patch's.
    this.batch.hold(this.clients);
    try {
      const changed = super.broadcastPatch();
      for (const feature of this.features) feature.afterPatch?.();
      return changed;
    } finally {
      this.batch.release();
    }
  }

  /**
   * The space's settings changed (called through the match-maker, so from any
   * process): every feature gets them fresh; no one has to leave and come back.
   */
  async reloadSettings(): Promise<void> {
    let settings = null;
    try {
      settings = (await roomServices().deps.spaces?.settings(this.space)) ?? null;
    } catch (err) {
      this.log.error("could not read the space's new settings; keeping the current ones", err);
    }
    for (const feature of this.features) feature.settingsChanged?.(settings);
    this.log.info("settings reloaded");
  }

  /**
   * An owner or admin changed someone's role (called through the match-maker,
   * with the role the API just saved). Everywhere the room keeps it follows at
   * once: the replicated state (their own page and everyone's list), the
   * session's identity (a reconnect's welcome) and each feature's rules.
   */
  changeRole(memberId: string, role: Role): number {
    if (!ROLES.includes(role)) return 0;
    let changed = 0;
    for (const member of this.state.members.values()) {
      if (member.memberId !== memberId || member.role === role) continue;
      member.role = role;
      const auth = this.clients.find((c) => c.sessionId === member.id)?.auth as Identity | undefined;
      if (auth) auth.role = role;
      for (const feature of this.features) feature.roleChanged?.(member.id, member, role);
      changed++;
    }
    if (changed > 0) this.log.info(`role of ${memberId} is now ${role}`);
    return changed;
  }

  /**
   * The space's active map changed (called through the match-maker). Zones,
   * desks and collisions all hang off the map, so rather than swap it under
   * running features the room says so and closes with the restart code:
   * everyone is saved on the way out and comes straight back into a new room
   * on the new map (a saved spot the new map blocks falls back to a spawn).
   */
  async reloadMap(): Promise<boolean> {
    const active = await roomServices().deps.maps.activeMap(this.space);
    if (!active || active.version === this.mapVersion) return false;
    this.log.info(`map v${this.mapVersion} → v${active.version}: closing so everyone rejoins on the new map`);
    this.broadcast(ServerMessage.MapChanged, { version: active.version } satisfies ServerMessages[typeof ServerMessage.MapChanged]);
    void this.disconnect(Protocol.WS_SERVER_DISCONNECT);
    return true;
  }

  override async onDispose(): Promise<void> {
    for (const feature of this.features) await feature.dispose?.();
    this.log.info("disposed");
  }

  /**
   * Server shutdown: Colyseus would close with 4000 (a consented leave, final for
   * clients); 4201 tells them to come back by themselves after a restart.
   * onLeave still saves everyone (no seat is held while the room is disposing).
   */
  override onBeforeShutdown(): void {
    void this.disconnect(Protocol.WS_SERVER_DISCONNECT);
  }

  /**
   * Every room message reaches the guard straight from its frame (Colyseus's own
   * decoder logs per bad byte and hands "*" frames to a catch-all); join and
   * leave frames go on to Colyseus.
   */
  protected override _onMessage(client: Parameters<Room["_onMessage"]>[0], buffer: Buffer): void {
    if (this.guard?.receive(client, buffer)) return;
    super._onMessage(client, buffer);
  }

  override onUncaughtException(error: Error, method: string): void {
    // The error's stack only: Colyseus's exception objects hold the client and its reconnection token.
    this.log.error(`uncaught error in ${method}: ${describeError(error)}`);
  }
}

/** x-forwarded-for may list several hops; the first is the client. */
function firstIp(ip: string | string[] | undefined): string | undefined {
  const first = Array.isArray(ip) ? ip[0] : ip;
  return first?.split(",")[0]?.trim() || undefined;
}
