import { Client, getStateCallbacks, type Room } from "colyseus.js";
import { PositionBook } from "../../shared/protocol/PositionBook";
import { ClientMessage, OFFICE_ROOM, PROTOCOL_VERSION, ServerMessage } from "../../shared/protocol/names";
import type { ClientMessages, ServerMessages } from "../../shared/protocol/messages";
import { Emitter } from "../util/Emitter";
import { toSnapshot, withPose, type RemoteMember } from "./memberSnapshot";
import type { ConnectionStatus, DeskOwner, MemberSnapshot } from "./types";

/**
 * The only module that talks to colyseus.js. It joins an office room, mirrors
 * the replicated members into plain snapshots, forwards typed messages and
 * transparently reconnects after an unexpected drop.
 */

export type Welcome = ServerMessages[typeof ServerMessage.Welcome];
export type Rejected = ServerMessages[typeof ServerMessage.Rejected];
export type Conversation = ServerMessages[typeof ServerMessage.Conversation];
export type SignalFrom = ServerMessages[typeof ServerMessage.Signal];
export type IceServers = ServerMessages[typeof ServerMessage.IceServers];
export type MediaRoute = ServerMessages[typeof ServerMessage.MediaRoute];
export type KnockNotice = ServerMessages[typeof ServerMessage.Knock];
export type KnockClosed = ServerMessages[typeof ServerMessage.KnockClosed];
export type KnockResult = ServerMessages[typeof ServerMessage.KnockResult];
export type FocusTimerEnded = ServerMessages[typeof ServerMessage.FocusTimerEnded];

/**
 * What happens to the connection itself: the replicated members and desks,
 * and whether we are connected. Wire messages are not here: every one of
 * them arrives on `messages`, the one typed path for what the server says.
 */
export type ConnectionEvents = {
  /** `initial` is true for people already present when this client (re)joined. */
  memberAdded: [member: MemberSnapshot, initial: boolean];
  memberChanged: [member: MemberSnapshot];
  memberRemoved: [member: MemberSnapshot];
  status: [status: ConnectionStatus, detail?: string];
  /** Who owns which desk changed; the full current list. */
  desks: [owners: DeskOwner[]];
};

/** Names of the messages that carry a JSON payload (position frames are raw bytes, read here). */
export type PayloadMessage = Exclude<keyof ServerMessages, typeof ServerMessage.Positions>;

/** Every server message by type: the only channel the page listens to for what the server says. */
export type ServerMessageEvents = { [K in PayloadMessage]: [message: ServerMessages[K]] };

export interface JoinRequest {
  space: string;
  name: string;
  avatar: string;
}

/** Close codes after which we must not try to come back (we or the server ended the session on purpose). */
const FINAL_CLOSE_CODES = new Set([1000, 4000]);
// About two minutes in all: long enough for the server to restart (it closes rooms with 4201, not 4000).
/** Unheard signalling kept for the calls (see unheardSignals). */
const MAX_UNHEARD_SIGNALS = 200;
const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000, ...Array<number>(14).fill(8000)];

export class OfficeConnection {
  readonly events = new Emitter<ConnectionEvents>();
  /** Every wire message, by type, after the connection took what it keeps itself; listeners survive reconnects. */
  readonly messages = new Emitter<ServerMessageEvents>();
  private readonly members = new Map<string, MemberSnapshot>();
  private readonly owners = new Map<string, DeskOwner>();
  /** Where people near us are, from the room's position frames. */
  private readonly positions = new PositionBook();
  private room: Room | null = null;
  private roomDisposers: Array<() => void> = [];
  private lastWelcome: Welcome | null = null;
  private lastConversation: Conversation | null = null;
  private lastIceServers: IceServers | null = null;
  /**
   * Signalling that arrived while no call system listened: the camera prompt is still open when
   * someone already standing at the spawn sends us their offer. The calls take it when they start.
   */
  private unheardSignals: SignalFrom[] = [];
  private lastMediaRoute: MediaRoute | null = null;
  /** Why an owner or admin removed us, told just before the server closes the connection. */
  private removal: string | null = null;
  private closed = false;
  private status: ConnectionStatus = "connecting";

  private constructor(
    private readonly client: Client,
    private readonly request: JoinRequest,
  ) {}

  /** Joins (or creates) the office room of a space; rejects with the server's reason when refused. */
  static async join(endpoint: string, request: JoinRequest): Promise<OfficeConnection> {
    const client = new Client(endpoint);
    const room = await joinRoom(client, request);
    const connection = new OfficeConnection(client, request);
    connection.attach(room);
    connection.setStatus("connected");
    return connection;
  }

  get selfId(): string {
    return this.room?.sessionId ?? "";
  }

  get welcome(): Welcome | null {
    return this.lastWelcome;
  }

  /** The latest Conversation message (calls may start after it arrived). */
  get conversation(): Conversation | null {
    return this.lastConversation;
  }

  get iceServers(): IceServers | null {
    return this.lastIceServers;
  }

  /** Signalling received before anyone listened for it (see unheardSignals), oldest first; hands it over once. */
  takeUnheardSignals(): SignalFrom[] {
    const signals = this.unheardSignals;
    this.unheardSignals = [];
    return signals;
  }

  /** The latest MediaRoute (only a server with a media server sends them; calls may start after it arrived). */
  get mediaRoute(): MediaRoute | null {
    return this.lastMediaRoute;
  }

  get connectionStatus(): ConnectionStatus {
    return this.status;
  }

  member(id: string): MemberSnapshot | undefined {
    return this.members.get(id);
  }

  allMembers(): MemberSnapshot[] {
    return [...this.members.values()];
  }

  send<K extends keyof ClientMessages>(type: K, payload: ClientMessages[K]): void {
    // While reconnecting there is no socket; inputs are simply dropped (the server is authoritative anyway).
    if (this.status !== "connected" || !this.room) return;
    this.room.send(type, payload);
  }

  sendMove(payload: ClientMessages[typeof ClientMessage.Move]): void {
    this.send(ClientMessage.Move, payload);
  }

  /** WebRTC signalling for `to`, relayed by the room only within our conversation. */
  sendSignal(to: string, data: ClientMessages[typeof ClientMessage.Signal]["data"]): void {
    this.send(ClientMessage.Signal, { to, data });
  }

  /** Hangs up on our conversation; the room keeps us out of it until we walk away (or are refused, if in none). */
  sendLeaveConversation(): void {
    this.send(ClientMessage.LeaveConversation, {});
  }

  /** Tells the room whether our microphone and camera are on (others' tiles show it). */
  sendCallMedia(mic: boolean, camera: boolean): void {
    this.send(ClientMessage.SetCallMedia, { mic, camera });
  }

  /** Resolves with the Welcome message (immediately if it already arrived). */
  waitForWelcome(timeoutMs: number): Promise<Welcome | null> {
    if (this.lastWelcome) return Promise.resolve(this.lastWelcome);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(null);
      }, timeoutMs);
      const off = this.messages.on(ServerMessage.Welcome, (welcome) => {
        clearTimeout(timer);
        off();
        resolve(welcome);
      });
    });
  }

  async leave(): Promise<void> {
    this.closed = true;
    const room = this.room;
    this.detach();
    this.setStatus("disconnected");
    this.events.clear();
    this.messages.clear();
    if (room) await room.leave(true).catch(() => undefined);
  }

  private attach(room: Room): void {
    this.room = room;
    // A new connection renegotiates every call: what an earlier one heard is out of date.
    this.unheardSignals = [];
    const $ = getStateCallbacks(room);
    const seen = new Set<string>();
    const memberDisposers = new Map<string, () => void>();
    this.roomDisposers.push(() => {
      for (const dispose of memberDisposers.values()) dispose();
      memberDisposers.clear();
    });
    let synced = false;
    const state = $(room.state) as unknown as {
      members: {
        onAdd(cb: (member: RemoteMember, key: string) => void, immediate?: boolean): () => void;
        onRemove(cb: (member: RemoteMember, key: string) => void): () => void;
      };
    };
    const snapshotOf = (member: RemoteMember, key: string) => {
      return toSnapshot(member, key, this.positions.poseOf(key, member.num), key === room.sessionId ? this.positions.ack : 0);
    };
    const track = (member: RemoteMember, key: string) => {
      seen.add(key);
      const snapshot = snapshotOf(member, key);
      const known = this.members.has(key);
      this.members.set(key, snapshot);
      if (known) this.events.emit("memberChanged", snapshot);
      else this.events.emit("memberAdded", snapshot, !synced);
      memberDisposers.get(key)?.();
      const offChange = ($(member as never) as unknown as { onChange(cb: () => void): () => void }).onChange(() => {
        if (this.room !== room) return;
        const next = snapshotOf(member, key);
        this.members.set(key, next);
        this.events.emit("memberChanged", next);
      });
      memberDisposers.set(key, offChange);
    };
    this.roomDisposers.push(state.members.onAdd(track));
    this.roomDisposers.push(
      state.members.onRemove((_member, key) => {
        memberDisposers.get(key)?.();
        memberDisposers.delete(key);
        const snapshot = this.members.get(key);
        this.members.delete(key);
        this.positions.forget(key);
        seen.delete(key);
        if (snapshot) this.events.emit("memberRemoved", snapshot);
      }),
    );
    room.onStateChange.once(() => {
      synced = true;
      // After a reconnect, people who left while we were away are gone from the new state.
      for (const [key, snapshot] of [...this.members]) {
        if (!seen.has(key)) {
          this.members.delete(key);
          this.positions.forget(key);
          this.events.emit("memberRemoved", snapshot);
        }
      }
    });
    this.roomDisposers.push(room.onMessage(ServerMessage.Positions, (frame: Uint8Array) => this.applyPositions(room, frame)) as () => void);
    // One handler per declared message name, all into one dispatch: a type cannot be handled here and missed there.
    for (const type of Object.values(ServerMessage)) {
      if (type === ServerMessage.Positions) continue;
      this.roomDisposers.push(room.onMessage(type, (message: unknown) => this.dispatch(type, message as never)) as () => void);
    }
    // colyseus.js routes types without their own handler here: a server newer than this page.
    room.onMessage("*", (type: string | number) => console.warn(`[deskmap] unknown server message ${String(type)}`));
    this.trackDesks(room);
    room.onLeave((code) => {
      if (this.room !== room) return;
      this.detach();
      if (this.closed || FINAL_CLOSE_CODES.has(code)) {
        this.setStatus("disconnected", this.removal ?? (code === 4000 ? "The server ended this session." : undefined));
        return;
      }
      void this.reconnect(room.reconnectionToken);
    });
  }

  /** Keeps what the connection itself needs from a message, then hands it to every listener. */
  private dispatch<K extends PayloadMessage>(type: K, message: ServerMessages[K]): void {
    if (type === ServerMessage.Welcome) this.lastWelcome = message as Welcome;
    else if (type === ServerMessage.Conversation) this.lastConversation = message as Conversation;
    else if (type === ServerMessage.IceServers) this.lastIceServers = message as IceServers;
    else if (type === ServerMessage.MediaRoute) this.lastMediaRoute = message as MediaRoute;
    else if (type === ServerMessage.Removed) this.removal = (message as { reason: string }).reason;
    else if (type === ServerMessage.Signal && !this.messages.heard(ServerMessage.Signal)) {
      // Bounded: an offer and its candidates from each of a few people is a few dozen.
      if (this.unheardSignals.length < MAX_UNHEARD_SIGNALS) this.unheardSignals.push(message as SignalFrom);
    }
    this.messages.emit(type, ...([message] as ServerMessageEvents[K]));
  }

  private applyPositions(room: Room, frame: Uint8Array): void {
    if (this.room !== room) return;
    const ackBefore = this.positions.ack;
    const placed = new Set<string>();
    try {
      this.positions.apply(frame, (id) => placed.add(id));
    } catch (error) {
      console.warn("Deskmap: ignored a position frame", error);
      return;
    }
    // Our own input acknowledgement moves prediction on even when we stood still against a wall.
    if (this.positions.ack !== ackBefore) placed.add(room.sessionId);
    for (const id of placed) {
      const before = this.members.get(id);
      if (!before) continue;
      const next = withPose(before, this.positions.pose(id), id === room.sessionId ? this.positions.ack : before.ack);
      this.members.set(id, next);
      this.events.emit("memberChanged", next);
    }
  }

  /** Desks that belong to someone, as the room last said. */
  deskOwners(): DeskOwner[] {
    return [...this.owners.values()];
  }

  private trackDesks(room: Room): void {
    const $ = getStateCallbacks(room);
    const desks = ($(room.state) as unknown as {
      desks?: {
        onAdd(cb: (desk: { id: string; owner: string; ownerName: string }, key: string) => void): () => void;
        onRemove(cb: (desk: unknown, key: string) => void): () => void;
      };
    }).desks;
    if (!desks) return;
    this.owners.clear();
    const changed = () => this.events.emit("desks", this.deskOwners());
    this.roomDisposers.push(
      desks.onAdd((desk, key) => {
        this.owners.set(key, { deskId: desk.id || key, owner: desk.owner, ownerName: desk.ownerName });
        changed();
      }),
      desks.onRemove((_desk, key) => {
        this.owners.delete(key);
        changed();
      }),
    );
  }

  private detach(): void {
    for (const dispose of this.roomDisposers.splice(0)) {
      if (typeof dispose === "function") dispose();
    }
    this.room?.removeAllListeners();
    this.room = null;
  }

  /**
   * Comes back after a drop: first by resuming the same session (when the room
   * holds our seat), else by joining afresh with the same name and look.
   */
  private async reconnect(token: string): Promise<void> {
    this.setStatus("reconnecting");
    let resumable = true;
    for (const delay of RECONNECT_DELAYS_MS) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.closed) return;
      try {
        let room: Room;
        try {
          if (!resumable) throw new Error("seat gone");
          room = await this.client.reconnect(token);
        } catch (error) {
          // A refused reconnection (not a network failure) means the seat is gone for good.
          if (resumable && isServerRefusal(error)) resumable = false;
          if (resumable) throw error;
          room = await joinRoom(this.client, this.request);
        }
        if (this.closed) {
          await room.leave(true).catch(() => undefined);
          return;
        }
        this.attach(room);
        this.setStatus("connected");
        return;
      } catch {
        // The server may still be restarting; try again after the next delay.
      }
    }
    this.setStatus("disconnected", "Lost connection to the office. Reload the page to join again.");
  }

  private setStatus(status: ConnectionStatus, detail?: string): void {
    this.status = status;
    this.events.emit("status", status, detail);
  }
}

function joinRoom(client: Client, request: JoinRequest): Promise<Room> {
  return client.joinOrCreate(OFFICE_ROOM, {
    space: request.space,
    name: request.name,
    avatar: request.avatar,
    protocol: PROTOCOL_VERSION,
  });
}

/** colyseus.js reports matchmaking refusals with a numeric code; network failures carry none. */
function isServerRefusal(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === "number";
}
