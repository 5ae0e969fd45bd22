import { computed, signal } from "@preact/signals";
import type { ServerMessages } from "../../shared/protocol/messages";
import type { ServerMessage } from "../../shared/protocol/names";
import type { ScreenSharer } from "../../shared/protocol/screenMessages";
import type { Conversation, Rejected, Welcome } from "../net/OfficeConnection";
import type { ConnectionStatus, DeskOwner, MemberSnapshot } from "../net/types";
import { ChatTabs } from "../ui/chat/chatTabs";

/**
 * The page's one client state: what the server told us, as signals. Only
 * feedState (from OfficeConnection) writes it; panels read it and re-render
 * when what they read changes, so no panel asks another or polls.
 */

/** A person without their pose: what lists, tiles and menus show (positions change every frame; these rarely). */
export type Person = Omit<MemberSnapshot, "x" | "y" | "facing" | "moving" | "ack">;

export type Meetups = ServerMessages[typeof ServerMessage.Meetups];
export type ZoneLock = ServerMessages[typeof ServerMessage.ZoneLocks]["locked"][number];
export type Removal = ServerMessages[typeof ServerMessage.Removed];

export interface ConnectionState {
  status: ConnectionStatus;
  detail?: string;
}

export class OfficeState {
  readonly connection = signal<ConnectionState>({ status: "connecting" });
  readonly selfId = signal("");
  readonly people = signal<ReadonlyMap<string, Person>>(new Map());
  /** Bumped when someone moves to another tile (the text view's distances), never per frame. */
  readonly whereabouts = signal(0);
  readonly welcome = signal<Welcome | null>(null);
  readonly conversation = signal<Conversation | null>(null);
  /** Who shares a screen in our conversation (ourselves included), as the room last said. */
  readonly screenShares = signal<readonly ScreenSharer[]>([]);
  readonly databaseAvailable = signal(true);
  readonly desks = signal<readonly DeskOwner[]>([]);
  readonly meetups = signal<Meetups>({ meetups: [], youMaySchedule: false });
  readonly zoneLocks = signal<readonly ZoneLock[]>([]);
  /** The latest refusal per message type (e.g. a chat line that could not be sent), cleared by the panel that shows it. */
  readonly rejected = signal<ReadonlyMap<string, Rejected>>(new Map());
  /** Set when an owner or admin removed us: the office is over for this page. */
  readonly removed = signal<Removal | null>(null);
  /** Chat lines per tab and unread counts; `chatVersion` bumps whenever they change. */
  readonly chat: ChatTabs = new ChatTabs(() => this.self.peek()?.memberId ?? "");
  readonly chatVersion = signal(0);

  readonly self = computed<Person | null>(() => this.people.value.get(this.selfId.value) ?? null);
  /** The zone we stand in ("" outside every zone), as the server decided. */
  readonly selfZone = computed(() => this.self.value?.zone ?? "");

  nameOf(sessionId: string): string | null {
    return this.people.peek().get(sessionId)?.name ?? null;
  }

  /** The name of whoever holds this account now (DM threads are by account, names may change). */
  nameOfMember(memberId: string): string | null {
    for (const person of this.people.value.values()) if (person.memberId === memberId) return person.name;
    return null;
  }

  clearRejected(type: string): void {
    if (!this.rejected.peek().has(type)) return;
    const next = new Map(this.rejected.peek());
    next.delete(type);
    this.rejected.value = next;
  }
}

/** The pose-free part of a snapshot. */
export function personOf(member: MemberSnapshot): Person {
  const { x: _x, y: _y, facing: _f, moving: _m, ack: _a, ...person } = member;
  return person;
}

/** Whether two people read the same (so a position frame does not re-render every panel). */
export function samePerson(a: Person | undefined, b: Person): boolean {
  if (!a) return false;
  for (const key of Object.keys(b) as Array<keyof Person>) if (a[key] !== b[key]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}
