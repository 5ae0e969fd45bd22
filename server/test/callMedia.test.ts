import { ClientMessage } from "../../shared/protocol/names";
import { startTestServer, waitFor, type TestClient, type TestServer } from "./harness";

/**
 * Each person's microphone and camera on/off (issue 16): the page reports it,
 * the room validates and rate-limits it and keeps it on their member state,
 * which everyone in the room receives.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface MediaView {
  micOn: boolean;
  cameraOn: boolean;
}

/** What `viewer` sees of `whom`'s microphone and camera, from the replicated state. */
function mediaOf(viewer: TestClient, whom: TestClient): MediaView | undefined {
  const m = viewer.state.members.get(whom.sessionId) as unknown as MediaView | undefined;
  return m && { micOn: m.micOn, cameraOn: m.cameraOn };
}

describe("call media state", () => {
  it("starts on, and carries each report to everyone in the room", async () => {
    const a = await server.join({ space: "media" });
    const b = await server.join({ space: "media" });
    expect(mediaOf(a, b)).toEqual({ micOn: true, cameraOn: true });

    b.room.send(ClientMessage.SetCallMedia, { mic: false, camera: false });
    await waitFor(() => mediaOf(a, b)?.micOn === false && mediaOf(a, b)?.cameraOn === false, "A seeing B muted, camera off");
    expect(mediaOf(b, b)).toEqual({ micOn: false, cameraOn: false });
    expect(mediaOf(a, a)).toEqual({ micOn: true, cameraOn: true });

    b.room.send(ClientMessage.SetCallMedia, { mic: true, camera: false });
    await waitFor(() => mediaOf(a, b)?.micOn === true, "A seeing B's microphone on again");
    expect(mediaOf(a, b)).toEqual({ micOn: true, cameraOn: false });
    expect(b.rejected).toEqual([]);
  });

  it("refuses malformed reports and floods with a reason, keeping the last accepted state", async () => {
    const a = await server.join({ space: "media-bad" });
    const b = await server.join({ space: "media-bad" });
    for (const bad of [{ mic: "no", camera: true }, { mic: false }, { mic: false, camera: false, other: a.sessionId }]) {
      b.room.send(ClientMessage.SetCallMedia, bad);
    }
    await waitFor(() => b.rejected.find((r) => r.type === ClientMessage.SetCallMedia && r.reason === "malformed payload"), "the refusal");
    // A report can only ever be about its sender: nothing about A changed.
    expect(mediaOf(b, a)).toEqual({ micOn: true, cameraOn: true });

    b.room.send(ClientMessage.SetCallMedia, { mic: false, camera: true });
    await waitFor(() => mediaOf(a, b)?.micOn === false, "A seeing B muted");
    // A flood: the first half says "on", the second "off"; only the burst (at most ten) gets through.
    for (let i = 0; i < 40; i++) b.room.send(ClientMessage.SetCallMedia, { mic: i < 20, camera: true });
    await waitFor(() => b.rejected.find((r) => r.type === ClientMessage.SetCallMedia && r.reason === "rate limited"), "rate limiting");
    await waitFor(() => mediaOf(a, b)?.micOn === true, "A seeing the last accepted report");
    expect(b.connected).toBe(true);
  });
});
