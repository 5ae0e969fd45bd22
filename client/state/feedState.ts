import { batch } from "@preact/signals";
import { ServerMessage } from "../../shared/protocol/names";
import type { OfficeConnection } from "../net/OfficeConnection";
import type { MemberSnapshot } from "../net/types";

import { personOf, samePerson, type OfficeState } from "./OfficeState";

/** Tile size used only to notice that someone moved "somewhere else" for the text view. */
const WHEREABOUTS_CELL_PX = 32;

/**
 * The one writer of OfficeState: subscribes to the connection (its members
 * and its single message channel) and keeps the signals current. Call it
 * right after joining, before any await, so no early message (the Everyone
 * chat history, the first meetup list) arrives before anyone listens.
 */
export function feedState(connection: OfficeConnection, state: OfficeState): () => void {
  const cells = new Map<string, string>();
  const upsert = (member: MemberSnapshot) => {
    const cell = member.located === false ? "far" : `${Math.floor(member.x / WHEREABOUTS_CELL_PX)},${Math.floor(member.y / WHEREABOUTS_CELL_PX)}`;
    if (cells.get(member.id) !== cell) {
      cells.set(member.id, cell);
      state.whereabouts.value++;
    }
    const person = personOf(member);
    const people = state.people.peek();
    if (samePerson(people.get(member.id), person)) return;
    const next = new Map(people);
    next.set(member.id, person);
    batch(() => {
      state.people.value = next;
      if (member.id === connection.selfId) state.selfId.value = member.id;
    });
  };
  const { events, messages } = connection;
  const offs = [
    events.on("memberAdded", upsert),
    events.on("memberChanged", upsert),
    events.on("memberRemoved", (member) => {
      cells.delete(member.id);
      const next = new Map(state.people.peek());
      next.delete(member.id);
      state.people.value = next;
      state.whereabouts.value++;
    }),
    events.on("status", (status, detail) => {
      batch(() => {
        state.connection.value = { status, detail };
        // After a reconnect we may hold another session id: our own entry is looked up again.
        if (connection.selfId) state.selfId.value = connection.selfId;
      });
    }),
    events.on("desks", (owners) => (state.desks.value = owners)),
    messages.on(ServerMessage.Welcome, (welcome) => {
      batch(() => {
        state.welcome.value = welcome;
        state.selfId.value = welcome.selfId;
      });
    }),
    messages.on(ServerMessage.Conversation, (c) => (state.conversation.value = c)),
    messages.on(ServerMessage.ScreenShares, ({ sharers }) => (state.screenShares.value = sharers)),
    messages.on(ServerMessage.Database, ({ available }) => (state.databaseAvailable.value = available)),
    messages.on(ServerMessage.Meetups, (m) => (state.meetups.value = m)),
    messages.on(ServerMessage.ZoneLocks, ({ locked }) => (state.zoneLocks.value = locked)),
    messages.on(ServerMessage.Removed, (removal) => (state.removed.value = removal)),
    messages.on(ServerMessage.Rejected, (r) => {
      const next = new Map(state.rejected.peek());
      next.set(r.type, r);
      state.rejected.value = next;
    }),
    messages.on(ServerMessage.Chat, (line) => {
      state.chat.add(line, false);
      state.chatVersion.value++;
    }),
    messages.on(ServerMessage.ChatHistory, (history) => {
      state.chat.setHistory(history.channel === "dm" ? `dm:${history.with ?? ""}` : history.channel, history.lines);
      state.chatVersion.value++;
    }),
  ];
  for (const member of connection.allMembers()) upsert(member);
  if (connection.welcome) state.welcome.value = connection.welcome;
  state.selfId.value = connection.selfId;
  state.connection.value = { status: connection.connectionStatus };
  return () => {
    for (const off of offs) off();
  };
}

