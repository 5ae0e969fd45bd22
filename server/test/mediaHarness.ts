import { RTCPeerConnection } from "werift";
import { matchMaker } from "colyseus";
import { feetAt, type TestMapOptions } from "../../shared/map/testMap";
import type { ServerMediaMessages } from "../../shared/protocol/mediaMessages";
import { OFFICE_ROOM, ServerMessage } from "../../shared/protocol/names";
import { roomMedia } from "../features/media/mediaFeature";
import type { MediaRouter } from "../features/media/MediaRouter";
import { waitFor, type TestClient } from "./harness";

/**
 * For room tests of the media server path: a map with a meeting room and a
 * stage, and Node-side WebRTC (werift, pure TypeScript: a native binding
 * crashes inside jest's module sandbox at exit) so the SDP the room relays to
 * the real Janus is a real offer or answer that really connects.
 *
 * 40×20 tiles: a meeting room (0–10 × 0–8), a stage hall (0–13 × 10–19) with
 * its platform (3–9 × 10–12). People appear in join order: twice in the
 * meeting room, on the platform, twice in the hall, and outside everything.
 */
export const MEDIA_MAP: TestMapOptions = {
  width: 40,
  height: 20,
  zones: [
    { name: "Room", type: "meeting", x: 0, y: 0, width: 11 * 32, height: 9 * 32 },
    { name: "Hall", type: "stage", x: 0, y: 10 * 32, width: 14 * 32, height: 10 * 32 },
    { name: "Platform", type: "stage", platform: true, x: 3 * 32, y: 10 * 32, width: 7 * 32, height: 3 * 32 },
  ],
  spawns: [feetAt(3, 3), feetAt(6, 3), feetAt(6, 11), feetAt(4, 16), feetAt(8, 16), feetAt(30, 5)],
};

export type MediaRoute = ServerMediaMessages[typeof ServerMessage.MediaRoute];

export function lastRoute(client: TestClient): MediaRoute | undefined {
  return client.messages<MediaRoute>(ServerMessage.MediaRoute).at(-1);
}

export function waitForRoute(client: TestClient, check: (r: MediaRoute) => boolean, what: string, timeoutMs = 10_000): Promise<MediaRoute> {
  return waitFor(() => {
    const r = lastRoute(client);
    return r && check(r) ? r : undefined;
  }, what, timeoutMs);
}

/** The media router of the (only) office room of a space. */
export async function routerOf(space: string): Promise<MediaRouter> {
  for (const listing of await matchMaker.query({ name: OFFICE_ROOM })) {
    const room = matchMaker.getLocalRoomById(listing.roomId);
    if (room && (room as unknown as { space?: string }).space === space) return roomMedia(room)!;
  }
  const rooms = await matchMaker.query({ name: OFFICE_ROOM });
  const routers = rooms.map((l) => roomMedia(matchMaker.getLocalRoomById(l.roomId)!)).filter((r) => r !== undefined);
  if (routers.length === 1) return routers[0]!;
  throw new Error(`no media router for space ${space}`);
}

/** A Node-side PeerConnection, closed by the test. */
export function peerConnection(): RTCPeerConnection {
  return new RTCPeerConnection({ iceServers: [], bundlePolicy: "max-bundle", iceUseIpv6: false });
}

export type { RTCPeerConnection };

/** Waits until ICE gathering completes, so the local description carries its candidates. */
export async function gathered(pc: RTCPeerConnection): Promise<string> {
  await waitFor(() => pc.iceGatheringState === "complete", "ICE gathering", 10_000);
  return pc.localDescription!.sdp;
}

/** A sendonly audio+video offer, as a camera's publisher would make, with its candidates. */
export async function publisherOffer(pc: RTCPeerConnection): Promise<string> {
  pc.addTransceiver("video", { direction: "sendonly" });
  pc.addTransceiver("audio", { direction: "sendonly" });
  await pc.setLocalDescription(await pc.createOffer());
  return gathered(pc);
}

/** A sendonly video-only offer, as a shared screen's publisher would make. */
export async function screenOffer(pc: RTCPeerConnection): Promise<string> {
  pc.addTransceiver("video", { direction: "sendonly" });
  await pc.setLocalDescription(await pc.createOffer());
  return gathered(pc);
}

/** Answers a feed's offer from Janus. */
export async function subscriberAnswer(pc: RTCPeerConnection, offer: string): Promise<string> {
  await pc.setRemoteDescription({ type: "offer", sdp: offer });
  await pc.setLocalDescription(await pc.createAnswer());
  return gathered(pc);
}
