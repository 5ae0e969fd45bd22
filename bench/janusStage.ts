import { startJanus } from "../e2e/services/janus";
import { feetAt, type TestMapOptions } from "../shared/map/testMap";
import { MEDIA_SERVER_STAGE_CAPS } from "../shared/meetups/stageRoles";
import { ClientMessage, ServerMessage } from "../shared/protocol/names";
import { startTestServer, waitFor, type TestClient } from "../server/test/harness";
import { waitForRoute } from "../server/test/mediaHarness";
import { JanusListener } from "./janusListener";
import { median, percentile } from "./mediaStats";
import { cpuSecondsOfTree, withNewChild } from "./processCpu";
import { measureUpstream, openBenchBrowser, type BenchBrowser, type Window } from "./speakerPage";

/**
 * One stage speaker through a real Janus as the audience grows: the real room
 * (in this process) on a test map that is one big stage hall, the speaker's
 * camera and microphone in a Chromium page of its own (its publish offer and
 * Janus's answer relayed by the speaker's room client, as its page's
 * JanusPath would), and light werift listeners (bench/janusListener.ts) that
 * join as room clients and subscribe through the room. At each audience size
 * the speaker's upstream (getStats) and the CPU of its browser, of Janus and
 * of this process (room server and listeners) are measured over a window.
 */

/** 40×26 tiles: the platform along the top (rows 0–2), the hall below it; the first to join stands on the platform. */
function stageMap(listeners: number): TestMapOptions {
  const hall: ReturnType<typeof feetAt>[] = [];
  for (let ty = 4; ty < 25 && hall.length < listeners; ty++) for (let tx = 1; tx < 39 && hall.length < listeners; tx++) hall.push(feetAt(tx, ty));
  return {
    width: 40,
    height: 26,
    zones: [
      { name: "Hall", type: "stage", x: 0, y: 0, width: 40 * 32, height: 26 * 32 },
      { name: "Platform", type: "stage", platform: true, x: 8 * 32, y: 0, width: 24 * 32, height: 3 * 32 },
    ],
    spawns: [feetAt(20, 1), ...hall],
  };
}

export interface FanoutPoint {
  /** Listeners in the room at this step. */
  listeners: number;
  /** Of them, how many received the speaker's media during the window. */
  receiving: number;
  /** Of them, how many received at least FULL_RATE of what the speaker sent. */
  fullRate: number;
  /** Median kbps received per receiving listener. */
  listenerKbps: number;
  /** The 10th percentile of it: the worse-off listeners. */
  listenerKbpsP10: number;
  speaker: Window;
}

/** A listener counts as served in full when it receives this share of the speaker's upstream. */
export const FULL_RATE = 0.8;

export interface FanoutOptions {
  counts: number[];
  seconds: number;
  log(line: string): void;
}

export interface FanoutRun {
  points: FanoutPoint[];
  /** Why the run stopped before its largest audience, if it did. */
  failure?: string;
}

export async function runJanusStage(options: FanoutOptions): Promise<FanoutRun> {
  const most = Math.max(...options.counts);
  if (most > MEDIA_SERVER_STAGE_CAPS.listeners) throw new Error(`a stage through Janus holds ${MEDIA_SERVER_STAGE_CAPS.listeners} listeners at most`);
  const { value: janus, pid: janusPid } = await withNewChild(() => startJanus());
  const server = await startTestServer({
    map: stageMap(most),
    config: { media: { janusUrl: janus.url, janusApiSecret: janus.apiSecret, janusAdminKey: janus.adminKey } },
  });
  const listeners: JanusListener[] = [];
  const points: FanoutPoint[] = [];
  let bench: BenchBrowser | undefined;
  try {
    bench = await openBenchBrowser("Janus stage speaker");
    const speaker = await server.join({ space: "stage", name: "Speaker" });
    const cpu = { janus: () => cpuSecondsOfTree(janusPid), bench: ownCpuSeconds };
    const join = async () => {
      const name = `Listener ${String(listeners.length + 1).padStart(3, "0")}`;
      // On a starved machine a join's socket is sometimes reset: a person would try again, and so does the benchmark.
      for (let attempt = 1; ; attempt++) {
        try {
          return new JanusListener(await server.join({ space: "stage", name }));
        } catch (error) {
          if (attempt === 3) throw error;
          options.log(`  ${name} could not join (${(error as Error).message}); again`);
        }
      }
    };
    for (const count of [...options.counts].sort((a, b) => a - b)) {
      while (listeners.length < count) {
        listeners.push(await join());
        if (listeners.length % 10 === 0) options.log(`  ${listeners.length} listeners joined`);
        // A stage's conversation (and so its route) starts with its first listener.
        if (listeners.length === 1) {
          await publish(speaker, bench);
          options.log(`  the speaker publishes through Janus (${janus.url})`);
        }
      }
      points.push(await measureAt(bench, listeners, options, cpu));
    }
    return { points };
  } catch (error) {
    // What was measured before stays: the report says where and why it stopped.
    const failure = `stopped at ${listeners.length} listeners: ${(error as Error).message}`;
    options.log(`  ${failure}`);
    return { points, failure };
  } finally {
    await Promise.all(listeners.map((l) => l.close()));
    await bench?.close();
    await server.close();
    await janus.stop();
  }
}

async function measureAt(bench: BenchBrowser, listeners: JanusListener[], options: FanoutOptions, cpu: Record<string, () => number>): Promise<FanoutPoint> {
  const count = listeners.length;
  // Media arriving, not werift's connectionState: on a starved machine its consent checks lapse while packets still flow.
  const ready = await waitFor(() => listeners.every((l) => l.bytes > 0), `${count} listeners receiving`, 60_000 + 500 * count).catch(() => false);
  if (!ready) options.log(`  not every listener receives yet: ${listeners.filter((l) => l.bytes > 0).length} of ${count}`);
  // Let Janus's bandwidth estimate and the encoder settle after the newest subscriptions.
  await new Promise((resolve) => setTimeout(resolve, 8000));
  const before = listeners.map((l) => l.bytes);
  const window = await measureUpstream(bench, options.seconds, cpu);
  const kbps = listeners.map((l, i) => ((l.bytes - before[i]) * 8) / 1000 / window.seconds);
  const receiving = kbps.filter((k) => k > 0);
  options.log(`  ${count} listeners: speaker up ${window.upKbps.toFixed(0)} kbps, speaker browser CPU ${window.cpuPercent.toFixed(0)}%, Janus CPU ${window.othersCpu.janus.toFixed(0)}%, ${receiving.length} receiving (median ${median(receiving).toFixed(0)} kbps)`);
  const fullRate = kbps.filter((k) => k >= FULL_RATE * window.upKbps).length;
  return { listeners: count, receiving: receiving.length, fullRate, listenerKbps: median(receiving), listenerKbpsP10: percentile(receiving, 10), speaker: window };
}

/** This process's CPU seconds (room server and listeners). */
function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** The speaker's page publishes as JanusPath does: one sendonly offer with every candidate, relayed by the room. */
async function publish(speaker: TestClient, bench: BenchBrowser): Promise<void> {
  await waitForRoute(speaker, (r) => r.via === "janus" && r.publish, "the speaker's route through Janus", 30_000);
  const offer = await bench.page.evaluate(async () => {
    const w = window as unknown as { __pcs: RTCPeerConnection[]; __stream: MediaStream };
    const pc = new RTCPeerConnection({ iceServers: [] });
    w.__pcs.push(pc);
    for (const track of w.__stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly", streams: [w.__stream] });
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise<void>((resolve) => {
      if (pc.iceGatheringState === "complete") resolve();
      pc.addEventListener("icegatheringstatechange", () => pc.iceGatheringState === "complete" && resolve());
    });
    return pc.localDescription!.sdp;
  });
  speaker.room.send(ClientMessage.MediaPublish, { sdp: offer });
  const { sdp } = await waitFor(() => speaker.messages<{ sdp: string }>(ServerMessage.MediaPublished).at(-1), "Janus's answer", 30_000);
  await bench.page.evaluate(async (answer) => {
    const [pc] = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs;
    await pc.setRemoteDescription({ type: "answer", sdp: answer });
    await new Promise<void>((resolve) => {
      if (pc.connectionState === "connected") resolve();
      pc.addEventListener("connectionstatechange", () => pc.connectionState === "connected" && resolve());
    });
  }, sdp);
  if (speaker.rejected.length > 0) throw new Error(`the room refused: ${JSON.stringify(speaker.rejected)}`);
}
