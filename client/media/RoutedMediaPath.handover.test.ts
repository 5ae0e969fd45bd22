import { Emitter } from "../util/Emitter";
import type { CallEvents, CallManager, ConversationUpdate } from "./CallManager";
import type { JanusPath, MediaRoute } from "./JanusPath";
import { HANDOVER_LINGER_MS, HANDOVER_MIN_MS, HANDOVER_TIMEOUT_MS, RoutedMediaPath } from "./RoutedMediaPath";

/**
 * Make before break when a conversation's route changes, with two stand-in
 * paths whose connections and audio the test switches on (the real switch,
 * with real connections and a measured gap, is e2e/openFloorSwitch.test.ts).
 */

class FakePath {
  readonly events = new Emitter<CallEvents>();
  readonly connected = new Set<string>();
  readonly gains = new Map<string, number>();
  /** What the router last asked of it: the peers it should carry (null: none), and whether it was told to hold. */
  last: { ids: string[] | null; hold: boolean } = { ids: null, hold: false };
  constructor(private readonly self: string) {}
  update(c: ConversationUpdate) {
    this.sync(c.groupId === null ? [] : c.peers.map((p) => p.id), false);
  }
  route(r: MediaRoute | null) {
    this.sync(r?.via === "janus" ? r.feeds.map((f) => f.id) : [], false);
  }
  hold(keep: ReadonlySet<string>) {
    this.sync([...this.have].filter((id) => keep.has(id)), true);
  }
  setIceServers() {}
  isConnected = (id: string) => this.connected.has(id);
  readonly levels = new Map<string, number>();
  level = (id: string) => this.levels.get(id) ?? 0;
  setGain = (id: string, gain: number) => void this.gains.set(id, gain);
  peerIds = () => [...this.have];
  dispose() {}
  /** The connection to `id` is up and its audio arrives (muted: packets not yet there; level: how loud its tap hears it). */
  flow(id: string, muted = false, level = muted ? 0 : 0.1) {
    this.connected.add(id);
    this.levels.set(id, level);
    const track = { readyState: "live", muted };
    this.events.emit("peerStream", id, { id: `${this.self}-${id}`, getAudioTracks: () => [track] } as unknown as MediaStream);
    this.events.emit("peerState", id, "connected");
  }
  private have = new Set<string>();
  private sync(ids: string[], hold: boolean) {
    this.last = { ids, hold };
    for (const id of [...this.have]) if (!ids.includes(id)) {
      this.have.delete(id);
      this.connected.delete(id);
      this.events.emit("peerLeft", id);
    }
    for (const id of ids) if (!this.have.has(id)) {
      this.have.add(id);
      this.events.emit("peerJoined", id, id);
    }
  }
}

function setup() {
  const mesh = new FakePath("mesh");
  const janus = new FakePath("janus");
  const path = new RoutedMediaPath(mesh as unknown as CallManager, janus as unknown as JanusPath);
  const log: string[] = [];
  path.events.on("peerJoined", (id) => log.push(`joined ${id}`));
  path.events.on("peerLeft", (id) => log.push(`left ${id}`));
  path.events.on("peerStream", (id, s) => log.push(`stream ${id} ${s.id}`));
  return { mesh, janus, path, log };
}

const peers = (...ids: string[]) => ids.map((id) => ({ id, name: id, initiator: id < "me" }));
const route = (via: "mesh" | "janus", feeds: string[] = []): MediaRoute => ({ groupId: "g1", via, publish: via === "janus", publishScreen: false, feeds: feeds.map((id) => ({ id, name: id, kind: "camera" as const })) });

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("mesh to Janus: the peer-to-peer link carries a person until their audio arrives through Janus, then closes after the linger", () => {
  const { mesh, janus, path, log } = setup();
  path.setRoute(route("mesh"));
  path.update({ groupId: "g1", peers: peers("ann") });
  mesh.flow("ann");
  // The conversation grows past the cap: the room routes it through Janus.
  path.update({ groupId: "g1", peers: peers("ann", "cy") });
  path.setRoute(route("janus", ["ann", "cy"]));
  expect(mesh.last.ids).toEqual(["ann"]);
  expect(path.carrierOf("ann")).toBe("mesh");
  expect(path.carrierOf("cy")).toBe("janus");
  // Ann's Janus feed connects, but no audio yet: still heard peer to peer, the Janus copy silent.
  janus.flow("ann", true);
  jest.advanceTimersByTime(1000);
  expect(path.carrierOf("ann")).toBe("mesh");
  expect(janus.gains.get("ann")).toBe(0);
  // Packets, but nothing heard yet (the decoder starting): still peer to peer.
  janus.flow("ann", false, 0);
  jest.advanceTimersByTime(500);
  expect(path.carrierOf("ann")).toBe("mesh");
  // Heard through Janus: it takes over after half a second of unbroken sound.
  janus.flow("ann");
  jest.advanceTimersByTime(300);
  expect(path.carrierOf("ann")).toBe("mesh");
  jest.advanceTimersByTime(300);
  expect(path.carrierOf("ann")).toBe("janus");
  path.setGain("ann", 0.8);
  expect([mesh.gains.get("ann"), janus.gains.get("ann")]).toEqual([0, 0.8]);
  // The link stays for the linger, and at least HANDOVER_MIN_MS after the switch, then goes; the tile stays, now showing the Janus stream.
  expect(mesh.last.ids).toEqual(["ann"]);
  jest.advanceTimersByTime(HANDOVER_LINGER_MS);
  expect(mesh.last.ids).toEqual(["ann"]);
  jest.advanceTimersByTime(HANDOVER_MIN_MS - 2100 - HANDOVER_LINGER_MS);
  expect(mesh.last.ids).toEqual([]);
  // Cy's tile: first from the mesh (the Conversation message comes just before the route), then from Janus.
  expect(log).toEqual(["joined ann", "stream ann mesh-ann", "joined cy", "left cy", "joined cy", "stream ann janus-ann"]);
});

test("someone silent (packets arrive, nothing to hear) moves once packets have flowed for 1.5 s", () => {
  const { mesh, janus, path } = setup();
  path.setRoute(route("mesh"));
  path.update({ groupId: "g1", peers: peers("ann") });
  mesh.flow("ann", false, 0);
  path.setRoute(route("janus", ["ann"]));
  janus.flow("ann", false, 0);
  jest.advanceTimersByTime(1000);
  expect(path.carrierOf("ann")).toBe("mesh");
  jest.advanceTimersByTime(600);
  expect(path.carrierOf("ann")).toBe("janus");
});

test("Janus to mesh: Janus feeds are held (nothing new asked for) until the links carry audio; a link that never comes is given up on the timeout", () => {
  const { mesh, janus, path, log } = setup();
  path.setRoute(route("janus", ["ann", "bo"]));
  path.update({ groupId: "g1", peers: peers("ann", "bo") });
  janus.flow("ann");
  janus.flow("bo");
  path.setRoute(route("mesh"));
  expect(janus.last).toEqual({ ids: ["ann", "bo"], hold: true });
  expect(mesh.last.ids).toEqual(["ann", "bo"]);
  mesh.flow("bo");
  jest.advanceTimersByTime(600);
  expect([path.carrierOf("ann"), path.carrierOf("bo")]).toEqual(["janus", "mesh"]);
  // Ann's link never carries audio: after the timeout she moves anyway and Janus is let go.
  jest.advanceTimersByTime(HANDOVER_TIMEOUT_MS);
  expect(janus.last.ids).toEqual([]);
  expect(path.carrierOf("ann")).toBe("mesh");
  expect(log.filter((l) => l.startsWith("left"))).toEqual([]);
});

test("someone who leaves the conversation during a switch leaves at once; hanging up ends the switch", () => {
  const { mesh, janus, path, log } = setup();
  path.setRoute(route("mesh"));
  path.update({ groupId: "g1", peers: peers("ann", "bo") });
  mesh.flow("ann");
  mesh.flow("bo");
  path.update({ groupId: "g1", peers: peers("ann", "bo", "cy") });
  path.setRoute(route("janus", ["ann", "bo", "cy"]));
  path.update({ groupId: "g1", peers: peers("ann", "cy") });
  path.setRoute(route("janus", ["ann", "cy"]));
  expect(mesh.last.ids).toEqual(["ann"]);
  expect(log.at(-1)).toBe("left bo");
  path.update({ groupId: null, peers: [] });
  expect(mesh.last.ids).toEqual([]);
  expect(janus.last.ids).toEqual([]);
  expect(path.peerIds()).toEqual([]);
});
