import type { Client } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { roomServices } from "../../rooms/roomServices";
import type { MemberState } from "../../schema/MemberState";
import { CellViews, type Person } from "./CellViews";
import { tagPositionFields } from "./positionTags";

// Tags must exist before any room builds its encoder; this module loads with the room features.
tagPositionFields();

// A full state of a crowded office exceeds the 8 KB default buffer; Colyseus then re-encodes
// each join into a larger throwaway buffer (and warns) because the serializer keeps the small
// one. 256 KB holds about 2,000 people; it costs two such buffers per open room.
Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 256 * 1024);

/**
 * Interest management: each client's StateView holds the people within about
 * `interestRadius` of it, so only their position fields reach it; everyone
 * stays in everyone's members map with name, status and zone. Views are
 * shared per grid cell (CellViews). With INTEREST_MANAGEMENT=false one view
 * holds everyone (the old behaviour, for comparison).
 */
export function createInterestFeature(_context: RoomContext): RoomFeature {
  const { interestManagement, interestRadius } = roomServices().config;
  const views = CellViews.forRadius(interestRadius, !interestManagement);
  const people = new Map<string, Person>();
  // A flat list for the tick loop: iterating it allocates nothing.
  const list: Person[] = [];

  return {
    onJoin(client: Client, member: MemberState) {
      const person: Person = { state: member, client, cx: 0, cy: 0, transition: null, cell: null };
      people.set(member.id, person);
      list.push(person);
      views.join(person);
    },
    onReconnect(client: Client, member: MemberState) {
      const person = people.get(member.id);
      if (person) views.reattach(person, client);
    },
    onLeave(sessionId: string) {
      const person = people.get(sessionId);
      if (!person) return;
      people.delete(sessionId);
      const at = list.indexOf(person);
      if (at >= 0) {
        list[at] = list[list.length - 1];
        list.pop();
      }
      views.leave(person);
    },
    tick() {
      views.update(list);
    },
    dispose() {
      people.clear();
      list.length = 0;
    },
  };
}
