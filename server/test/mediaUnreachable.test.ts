import { ClientMessage } from "../../shared/protocol/names";
import { startTestServer } from "./harness";
import { waitForConversation, waitForRejection } from "./meetupsHarness";
import { MEDIA_MAP, waitForRoute } from "./mediaHarness";

/** JANUS_URL set but nothing answers there: rooms open at once and calls stay peer to peer, saying why. */

test("with Janus unreachable, a meeting room stays peer to peer with a notice saying why, and nothing waits", async () => {
  // One server per file: a second Colyseus server in one process leaks the matchmaker's stats timer.
  const down = await startTestServer({
    map: MEDIA_MAP,
    config: { media: { janusUrl: "ws://127.0.0.1:9", janusApiSecret: "0123456789abcdef" } },
  });
  try {
    const started = Date.now();
    const a = await down.join({ space: "down", name: "Ann Down" });
    const b = await down.join({ space: "down", name: "Ben Down" });
    expect(Date.now() - started).toBeLessThan(10_000);
    await waitForConversation(a, (c) => c.peers.length === 1, "the peer-to-peer meeting");
    const route = await waitForRoute(a, (r) => r.via === "mesh" && !!r.notice, "the notice");
    expect(route.notice).toMatch(/^The media server is unreachable \(.*\)\. This call is peer to peer, for at most 6 people\.$/);
    a.room.send(ClientMessage.MediaPublish, { sdp: "v=0\r\n" });
    await waitForRejection(a, ClientMessage.MediaPublish, /does not go through the media server/);
    await b.leave();
  } finally {
    await down.close();
  }
});
