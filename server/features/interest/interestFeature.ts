import type { Client } from "@colyseus/core";
import { Encoder } from "@colyseus/schema";
import { ServerMessage } from "../../../shared/protocol/names";
import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { roomServices } from "../../rooms/roomServices";
import type { MemberState } from "../../schema/MemberState";
import { MemberNumbers } from "./MemberNumbers";
import { PositionStream, type FrameSender, type Viewer } from "./PositionStream";

// A full state of a crowded office exceeds the 8 KB default buffer; Colyseus then re-encodes
// each join into a larger throwaway buffer (and warns) because the serializer keeps the small
// one. 256 KB holds several thousand people; it costs two such buffers per open room.
Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 256 * 1024);

/**
 * Interest management: everyone is in everyone's state (name, status, zone),
 * but positions travel apart, in position frames sent after each patch, and
 * only to people within about `interestRadius` (PositionStream). With
 * INTEREST_MANAGEMENT=false everyone receives everyone's movements (the old
 * behaviour, kept for comparison).
 */
export function createInterestFeature(_context: RoomContext): RoomFeature {
  const { interestManagement, interestRadius } = roomServices().config;
  const stream = PositionStream.forRadius(interestRadius, !interestManagement);
  const numbers = new MemberNumbers();
  const viewers = new Map<string, Viewer>();

  return {
    onJoin(client: Client, member: MemberState) {
      member.num = numbers.take();
      viewers.set(member.id, stream.add(member, senderFor(client)));
    },
    onReconnect(client: Client, member: MemberState) {
      const viewer = viewers.get(member.id);
      if (viewer) stream.reattach(viewer, senderFor(client));
    },
    onLeave(sessionId: string, member: MemberState) {
      const viewer = viewers.get(sessionId);
      if (!viewer) return;
      viewers.delete(sessionId);
      stream.remove(viewer);
      numbers.release(member.num);
    },
    afterPatch() {
      stream.flush();
    },
    dispose() {
      viewers.clear();
    },
  };
}

function senderFor(client: Client): FrameSender {
  return (frame) => client.sendBytes(ServerMessage.Positions, frame);
}
