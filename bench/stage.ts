/**
 * A stage speaker's upstream and CPU with N listeners (issue 6): `npm run bench:stage`.
 *
 * One headless Chromium page with the fake camera and microphone plays the
 * speaker: it opens one RTCPeerConnection per listener, sending audio and
 * video, exactly as the peer-to-peer stage does, with each link's video
 * bounded by shared/meetups/upstreamBudget (the numbers the client applies
 * with RTCRtpSender.setParameters). The listeners are receive-only
 * connections in the same page, signalled directly (no server needed to
 * measure the media path). Over a measuring window we read the speaker's
 * outbound-rtp stats (bytes, resolution, frame rate) and the CPU time of the
 * whole Chromium process tree. The CPU figure includes decoding N streams at
 * the listeners in the same process, so it is an upper bound for the speaker.
 * LISTENERS (default 20), SECONDS (default 20), UNBOUNDED=1 to skip the bounds.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { launchBrowser } from "../e2e/browser";
import { upstreamBudget } from "../shared/meetups/upstreamBudget";
import { treeCpuSeconds } from "./processCpu";

const LISTENERS = Number(process.env.LISTENERS ?? 20);
const SECONDS = Number(process.env.SECONDS ?? 20);
const UNBOUNDED = process.env.UNBOUNDED === "1";

async function main(): Promise<void> {
  const budget = upstreamBudget(LISTENERS);
  // getUserMedia needs a secure context: a blank page from loopback is one.
  const http = createServer((_req, res) => res.end("<!doctype html><title>stage bench</title>"));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const browser = await launchBrowser();
  try {
    await measure(browser, budget, `http://127.0.0.1:${(http.address() as AddressInfo).port}/`);
  } finally {
    await browser.close();
    http.close();
  }
}

async function measure(browser: Awaited<ReturnType<typeof launchBrowser>>, budget: ReturnType<typeof upstreamBudget>, url: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate(
    async ({ n, budget }) => {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
      const speakers: RTCPeerConnection[] = [];
      for (let i = 0; i < n; i++) {
        const speaker = new RTCPeerConnection({ iceServers: [] });
        const listener = new RTCPeerConnection({ iceServers: [] });
        speaker.onicecandidate = (e) => e.candidate && void listener.addIceCandidate(e.candidate);
        listener.onicecandidate = (e) => e.candidate && void speaker.addIceCandidate(e.candidate);
        listener.ontrack = (e) => {
          // Play it, as a listener's page does, so frames are decoded.
          const video = document.createElement("video");
          video.muted = true;
          video.srcObject = e.streams[0];
          void video.play();
          document.body.append(video);
        };
        for (const track of stream.getTracks()) speaker.addTrack(track, stream);
        const offer = await speaker.createOffer();
        await speaker.setLocalDescription(offer);
        await listener.setRemoteDescription(offer);
        const answer = await listener.createAnswer();
        await listener.setLocalDescription(answer);
        await speaker.setRemoteDescription(answer);
        if (budget) {
          for (const sender of speaker.getSenders()) {
            if (sender.track?.kind !== "video") continue;
            const params = sender.getParameters();
            for (const enc of params.encodings) Object.assign(enc, budget);
            await sender.setParameters(params);
          }
        }
        speakers.push(speaker);
      }
      (window as unknown as { speakers: RTCPeerConnection[] }).speakers = speakers;
    },
    { n: LISTENERS, budget: UNBOUNDED ? null : budget },
  );

  const sample = () =>
    page.evaluate(async () => {
      let bytes = 0;
      const widths: number[] = [];
      const fps: number[] = [];
      for (const pc of (window as unknown as { speakers: RTCPeerConnection[] }).speakers) {
        const stats = await pc.getStats();
        stats.forEach((s) => {
          if (s.type !== "outbound-rtp") return;
          bytes += s.bytesSent ?? 0;
          if (s.kind === "video") {
            if (s.frameWidth) widths.push(`${s.frameWidth}x${s.frameHeight}` as unknown as number);
            if (s.framesPerSecond) fps.push(s.framesPerSecond);
          }
        });
      }
      return { bytes, widths, fps };
    });

  // Let bandwidth estimation and the encoders settle first.
  await page.waitForTimeout(8000);
  const a = await sample();
  const cpuA = treeCpuSeconds();
  const t0 = Date.now();
  await page.waitForTimeout(SECONDS * 1000);
  const b = await sample();
  const cpuB = treeCpuSeconds();
  const wall = (Date.now() - t0) / 1000;

  const kbps = ((b.bytes - a.bytes) * 8) / 1000 / wall;
  const resolutions = [...new Set(b.widths.map(String))].join(", ");
  const meanFps = b.fps.reduce((x, y) => x + y, 0) / Math.max(1, b.fps.length);
  console.log(`stage speaker → ${LISTENERS} listeners (${UNBOUNDED ? "unbounded" : `bounded: ${budget.maxBitrate / 1000} kbps/link, ÷${budget.scaleResolutionDownBy}, ≤${budget.maxFramerate} fps`})`);
  console.log(`  upstream: ${kbps.toFixed(0)} kbps total (${(kbps / LISTENERS).toFixed(0)} kbps per listener, audio included)`);
  console.log(`  sent video: ${resolutions || "n/a"} at ${meanFps.toFixed(1)} fps on average`);
  console.log(`  CPU (Chromium, speaker + ${LISTENERS} decoders in one process): ${(((cpuB - cpuA) / wall) * 100).toFixed(0)}% of one core`);
  console.log(`  machine: ${os.cpus().length}× ${os.cpus()[0]?.model ?? "cpu"}, ${wall.toFixed(1)} s window`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
