import { spawn } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { stopChild } from "./coturn";
import { freePort } from "./freePort";

/**
 * A real Janus (Debian's `janus` 1.1.2) for tests and benchmarks, from a
 * generated config folder: only the VideoRoom plugin and the WebSocket
 * transport load, the API binds 127.0.0.1 on a free port, media uses a small
 * random RTP port range on this machine's own IPv4 addresses (libnice never
 * gathers on loopback, so media host candidates are the machine's interface
 * addresses; the traffic still never leaves the machine), and the API secret
 * and VideoRoom admin key are generated (the packaged config binds every
 * interface and ships known secrets).
 */
export interface JanusServer {
  /** JANUS_URL for Deskmap. */
  url: string;
  apiSecret: string;
  adminKey: string;
  output(): string;
  stop(): Promise<void>;
}

const LIB = "/usr/lib/x86_64-linux-gnu/janus";
const START_TIMEOUT_MS = 20_000;

const OTHER_PLUGINS = ["audiobridge", "duktape", "echotest", "lua", "nosip", "recordplay", "sip", "streaming", "textroom", "videocall", "voicemail"];
const OTHER_TRANSPORTS = ["http", "mqtt", "nanomsg", "pfunix", "rabbitmq"];
const EVENT_HANDLERS = ["gelfevh", "mqttevh", "nanomsgevh", "rabbitmqevh", "sampleevh", "wsevh"];
const lib = (names: string[]) => names.map((n) => `libjanus_${n}.so`).join(",");

export interface JanusOptions {
  apiSecret?: string;
  adminKey?: string;
}

export async function startJanus(options: JanusOptions = {}): Promise<JanusServer> {
  const apiSecret = options.apiSecret ?? randomBytes(24).toString("hex");
  const adminKey = options.adminKey ?? randomBytes(24).toString("hex");
  const dir = await mkdtemp(path.join(os.tmpdir(), "deskmap-janus-"));
  const wsPort = await freePort();
  // A random 400-port slice: several sessions on one machine rarely overlap, and libnice skips ports in use.
  const rtpMin = randomInt(20_000, 59_000);
  await writeFile(
    path.join(dir, "janus.jcfg"),
    `general: {
  configs_folder = "${dir}"
  plugins_folder = "${LIB}/plugins"
  transports_folder = "${LIB}/transports"
  events_folder = "${LIB}/events"
  loggers_folder = "${LIB}/loggers"
  debug_level = 4
  server_name = "deskmap-test"
  api_secret = "${apiSecret}"
  admin_secret = "${randomBytes(24).toString("hex")}"
  session_timeout = 60
}
media: {
  ipv6 = false
  rtp_port_range = "${rtpMin}-${rtpMin + 400}"
}
nat: {
  ice_ignore_list = "vmnet,docker,veth"
}
plugins: {
  disable = "${lib(OTHER_PLUGINS)}"
}
transports: {
  disable = "${lib(OTHER_TRANSPORTS)}"
}
events: {
  broadcast = false
  disable = "${lib(EVENT_HANDLERS)}"
}
loggers: {
  disable = "libjanus_jsonlog.so"
}
`,
  );
  await writeFile(
    path.join(dir, "janus.transport.websockets.jcfg"),
    `general: {
  json = "compact"
  ws = true
  ws_port = ${wsPort}
  ws_ip = "127.0.0.1"
  wss = false
}
admin: {
  admin_ws = false
  admin_wss = false
}
`,
  );
  await writeFile(
    path.join(dir, "janus.plugin.videoroom.jcfg"),
    `general: {
  admin_key = "${adminKey}"
  lock_rtp_forward = true
}
`,
  );
  const child = spawn("janus", ["-F", dir, "-C", path.join(dir, "janus.jcfg"), "-o"], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-200_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `ws://127.0.0.1:${wsPort}`;
  const stop = () => stopChild(child).finally(() => rm(dir, { recursive: true, force: true }));
  try {
    await waitForInfo(url, () => child.exitCode !== null);
  } catch (err) {
    await stop();
    throw new Error(`Janus did not start on ${url}: ${(err as Error).message}\n${log.slice(-3000)}`);
  }
  return { url, apiSecret, adminKey, output: () => log, stop };
}

/** Asks `{"janus":"info"}` over the WebSocket API until Janus answers. */
async function waitForInfo(url: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited()) throw new Error("janus exited");
    const ok = await new Promise<boolean>((resolve) => {
      const ws = new WebSocket(url, "janus-protocol");
      const timer = setTimeout(() => {
        ws.terminate();
        resolve(false);
      }, 2000);
      ws.on("open", () => ws.send(JSON.stringify({ janus: "info", transaction: "ready" })));
      ws.on("message", (data) => {
        clearTimeout(timer);
        ws.close();
        resolve(JSON.parse(data.toString()).janus === "server_info");
      });
      ws.on("error", () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error("no server_info answer");
    await new Promise((r) => setTimeout(r, 200));
  }
}
