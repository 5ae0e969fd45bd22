import { ClientMessage } from "../../../shared/protocol/names";
import type { RoomContext, RoomFeature, RoomFeatureFactory } from "../../rooms/RoomFeature";

/**
 * Each person's microphone and camera on/off (issue 16), as their page reports
 * it (validated and rate-limited by the guard), kept on their MemberState so
 * everyone's tiles of them can say "Muted" or show their name instead of a
 * black video, and so a reconnecting page gets it with the state. Only the
 * sender's own entry is ever written.
 */
export const createCallMediaFeature: RoomFeatureFactory = (context: RoomContext): RoomFeature => {
  context.guard.on(ClientMessage.SetCallMedia, (client, { mic, camera }) => {
    const member = context.state.members.get(client.sessionId);
    if (!member) return;
    // Unchanged values are not reassigned, so a repeat report patches nothing.
    if (member.micOn !== mic) member.micOn = mic;
    if (member.cameraOn !== camera) member.cameraOn = camera;
  });
  return {};
};
