import { upstreamBudget } from "../shared/meetups/upstreamBudget";
import { measureUpstream, openBenchBrowser, type BenchBrowser, type Window } from "./speakerPage";

/**
 * Today's peer-to-peer stage, for comparison with Janus: the speaker's page
 * opens one connection per listener, sending audio and video, each link's
 * video bounded by shared/meetups/upstreamBudget as the client bounds it
 * (what bench/stage.ts measures). Unlike bench/stage.ts the listeners are in
 * a second Chromium, so the speaker's browser CPU is the speaker's own and
 * compares with the Janus speaker's. Signalled directly between the pages,
 * every candidate in the SDP (no room needed to measure the media path).
 */

export interface P2pPoint {
  listeners: number;
  /** Links that reached "connected". */
  connected: number;
  speaker: Window;
  /** The bound each link's video had. */
  linkKbps: number;
}

/** Each page's script: makes offers (speaker) or answers (listener), with every candidate, for `n` links. */
async function connect(speaker: BenchBrowser, audience: BenchBrowser, n: number): Promise<number> {
  const offers = await speaker.page.evaluate(async (count) => {
    const w = window as unknown as { __pcs: RTCPeerConnection[]; __stream: MediaStream };
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    return Promise.all(
      Array.from({ length: count }, async () => {
        const pc = new RTCPeerConnection({ iceServers: [] });
        w.__pcs.push(pc);
        for (const track of w.__stream.getTracks()) pc.addTrack(track, w.__stream);
        await pc.setLocalDescription(await pc.createOffer());
        await new Promise<void>((resolve) => {
          if (pc.iceGatheringState === "complete") resolve();
          pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && resolve());
        });
        return pc.localDescription!.sdp;
      }),
    );
  }, n);
  const answers = await audience.page.evaluate(async (offers) => {
    const w = window as unknown as { __pcs: RTCPeerConnection[] };
    return Promise.all(
      offers.map(async (sdp) => {
        const pc = new RTCPeerConnection({ iceServers: [] });
        w.__pcs.push(pc);
        pc.ontrack = (e) => {
          // Played, as a listener's page does, so frames are decoded (in this browser, not the speaker's).
          if (e.track.kind !== "video") return;
          const video = document.createElement("video");
          video.muted = true;
          video.srcObject = e.streams[0];
          void video.play();
          document.body.append(video);
        };
        await pc.setRemoteDescription({ type: "offer", sdp });
        await pc.setLocalDescription(await pc.createAnswer());
        await new Promise<void>((resolve) => {
          if (pc.iceGatheringState === "complete") resolve();
          pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && resolve());
        });
        return pc.localDescription!.sdp;
      }),
    );
  }, offers);
  return speaker.page.evaluate(
    async ({ answers, budget }) => {
      const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs;
      await Promise.all(pcs.map((pc, i) => pc.setRemoteDescription({ type: "answer", sdp: answers[i] })));
      for (const pc of pcs) {
        for (const sender of pc.getSenders()) {
          if (sender.track?.kind !== "video") continue;
          const params = sender.getParameters();
          for (const enc of params.encodings) Object.assign(enc, budget);
          await sender.setParameters(params);
        }
      }
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && pcs.some((pc) => pc.connectionState !== "connected")) await new Promise((r) => setTimeout(r, 200));
      return pcs.filter((pc) => pc.connectionState === "connected").length;
    },
    { answers, budget: upstreamBudget(n) },
  );
}

export async function runP2pStage(counts: number[], seconds: number, log: (line: string) => void): Promise<P2pPoint[]> {
  const points: P2pPoint[] = [];
  for (const n of counts) {
    // Fresh browsers for each audience size: nothing of the previous one's encoders stays.
    const speaker = await openBenchBrowser("P2P stage speaker");
    const audience = await openBenchBrowser("P2P stage listeners");
    try {
      const connected = await connect(speaker, audience, n);
      // Let bandwidth estimation and the encoders settle first.
      await new Promise((resolve) => setTimeout(resolve, 8000));
      const window = await measureUpstream(speaker, seconds, { listenersBrowser: () => audience.cpuSeconds() });
      points.push({ listeners: n, connected, speaker: window, linkKbps: upstreamBudget(n).maxBitrate / 1000 });
      log(`  P2P, ${n} listeners: speaker up ${window.upKbps.toFixed(0)} kbps, speaker browser CPU ${window.cpuPercent.toFixed(0)}%, ${connected} links connected`);
    } finally {
      await audience.close();
      await speaker.close();
    }
  }
  return points;
}
