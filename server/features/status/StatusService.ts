import type { PresenceStatus } from "../../../shared/proximity/types";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import type { ServerMessages } from "../../../shared/protocol/messages";
import { effectiveStatus } from "../../../shared/status/effectiveStatus";
import {
  FOCUS_END_GRACE_MS,
  FOCUS_TIMER_OFF,
  advanceFocusTimer,
  startFocusTimer,
  type FocusTimer,
} from "../../../shared/status/focusTimer";
import { STATUS_TEXT_MAX, isPresenceStatus } from "../../../shared/status/statusKinds";
import type { Identity, MemberStateStore } from "../../deps";
import type { RoomContext } from "../../rooms/RoomFeature";
import type { MemberState } from "../../schema/MemberState";

interface Entry {
  member: MemberState;
  memberId: string;
  chosen: PresenceStatus;
  text: string;
  idle: boolean;
  atFocusDesk: boolean;
  timer: FocusTimer;
}

/** Someone's shown status changed (other features react: knocks on an away person lapse, and so on). */
export type StatusListener = (sessionId: string, status: PresenceStatus) => void;

/**
 * Everyone's status in one room. The chosen status is kept apart from what is
 * derived (idle, a focus desk, the focus timer), and only the chosen one is
 * saved, so returning from auto-away or standing up from a focus desk brings
 * the chosen status back, and a reconnect restores it.
 */
export class StatusService {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners: StatusListener[] = [];

  constructor(
    private readonly context: RoomContext,
    private readonly now: () => number = Date.now,
  ) {}

  get store(): MemberStateStore | undefined {
    return this.context.deps.memberState;
  }

  register(): void {
    const { guard } = this.context;
    guard.on(ClientMessage.SetStatus, (client, { kind, text }) => {
      const entry = this.entries.get(client.sessionId);
      if (!entry) return;
      entry.chosen = kind;
      if (text !== undefined) entry.text = text;
      this.apply(client.sessionId, entry);
      this.save(entry);
    });
    guard.on(ClientMessage.SetIdle, (client, { idle }) => {
      const entry = this.entries.get(client.sessionId);
      if (!entry || entry.idle === idle) return;
      entry.idle = idle;
      this.apply(client.sessionId, entry);
    });
    guard.on(ClientMessage.FocusTimer, (client, request, reject) => {
      const entry = this.entries.get(client.sessionId);
      if (!entry) return;
      switch (request.action) {
        case "start":
          entry.timer = startFocusTimer(this.now(), request.minutes);
          break;
        case "cancel":
          entry.timer = FOCUS_TIMER_OFF;
          break;
        case "stay":
        case "done":
          if (entry.timer.phase !== "ended") return reject("your focus timer has not ended");
          entry.timer = FOCUS_TIMER_OFF;
          this.choose(entry, request.action === "stay" ? "focus" : "available");
          break;
      }
      this.apply(client.sessionId, entry);
    });
  }

  onListen(listener: StatusListener): void {
    this.listeners.push(listener);
  }

  async onJoin(member: MemberState, identity: Identity): Promise<void> {
    const entry: Entry = {
      member,
      memberId: identity.memberId,
      chosen: "available",
      text: "",
      idle: false,
      atFocusDesk: false,
      timer: FOCUS_TIMER_OFF,
    };
    const saved = await this.store?.loadStatus(identity.memberId, this.context.space).catch((err: unknown) => {
      this.context.log.warn(`could not load the status of ${identity.memberId}`, err);
      return null;
    });
    if (saved && isPresenceStatus(saved.kind)) {
      entry.chosen = saved.kind;
      entry.text = saved.text.slice(0, STATUS_TEXT_MAX);
    }
    this.entries.set(member.id, entry);
    this.apply(member.id, entry);
  }

  /** A reconnecting page has been away from its input: it will report idle again if it still is. */
  onReconnect(sessionId: string): void {
    const entry = this.entries.get(sessionId);
    if (entry?.idle) {
      entry.idle = false;
      this.apply(sessionId, entry);
    }
  }

  onLeave(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** Desks call this when someone sits down at or stands up from a focus desk. */
  setAtFocusDesk(sessionId: string, on: boolean): void {
    const entry = this.entries.get(sessionId);
    if (!entry || entry.atFocusDesk === on) return;
    entry.atFocusDesk = on;
    this.apply(sessionId, entry);
  }

  statusOf(sessionId: string): PresenceStatus | null {
    const entry = this.entries.get(sessionId);
    return entry ? effectiveStatus(entry) : null;
  }

  tick(): void {
    const now = this.now();
    for (const [sessionId, entry] of this.entries) {
      if (entry.timer.phase === "off") continue;
      const { timer, event } = advanceFocusTimer(entry.timer, now);
      if (!event) continue;
      entry.timer = timer;
      if (event === "ended") {
        const ended: ServerMessages[typeof ServerMessage.FocusTimerEnded] = { graceSeconds: FOCUS_END_GRACE_MS / 1000 };
        this.context.client(sessionId)?.send(ServerMessage.FocusTimerEnded, ended);
      } else if (entry.chosen === "focus") {
        // Nobody answered "stay": back to Available, as the timer promised.
        this.choose(entry, "available");
      }
      this.apply(sessionId, entry);
    }
  }

  private choose(entry: Entry, kind: PresenceStatus): void {
    if (entry.chosen === kind) return;
    entry.chosen = kind;
    this.save(entry);
  }

  private apply(sessionId: string, entry: Entry): void {
    const { member, timer } = entry;
    const status = effectiveStatus(entry);
    if (member.statusText !== entry.text) member.statusText = entry.text;
    const start = timer.phase === "running" ? timer.startedAt : 0;
    const end = timer.phase === "running" ? timer.endsAt : timer.phase === "ended" ? timer.endedAt : 0;
    if (member.focusStart !== start) member.focusStart = start;
    if (member.focusEnd !== end) member.focusEnd = end;
    if (member.status === status) return;
    member.status = status;
    for (const listener of this.listeners) listener(sessionId, status);
  }

  private save(entry: Entry): void {
    const store = this.store;
    if (!store) return;
    store
      .saveStatus(entry.memberId, this.context.space, { kind: entry.chosen, text: entry.text })
      .catch((err: unknown) => this.context.log.warn(`could not save the status of ${entry.memberId}`, err));
  }
}
