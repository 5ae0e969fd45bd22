import type { SignalData } from "../../shared/protocol/conversationMessages";
import { Emitter } from "../util/Emitter";
import { CallManager, type Link } from "./CallManager";
import { startsNewSession, ufragOfSdp } from "./iceUfrag";
import type { LocalMediaEvents } from "./LocalMedia";
import type { PeerLinkOptions } from "./PeerLink";

/**
 * The manager's bookkeeping with links that record what they are told
 * (real WebRTC links are exercised in e2e/calls.test.ts).
 */

class RecordingLink implements Link {
  readonly received: SignalData[] = [];
  destroyed = false;
  isConnected = false;
  gotOffer = false;
  remoteUfrag: string | null = null;
  readonly screens: Array<MediaStreamTrack | null> = [];
  constructor(readonly options: PeerLinkOptions) {}
  /** As PeerLink decides it. */
  needsFreshLinkFor(data: SignalData): boolean {
    return !this.options.initiator && data.type === "offer" && this.gotOffer && startsNewSession(data.sdp, this.remoteUfrag);
  }
  signal(data: SignalData): void {
    if (data.type === "offer") {
      this.gotOffer = true;
      this.remoteUfrag = ufragOfSdp(data.sdp);
    }
    this.received.push(data);
  }
  replaceTrack(): void {}
  setScreen(track: MediaStreamTrack | null): void {
    this.screens.push(track);
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** As PeerLink does: it destroys itself, then reports. */
  fail(): void {
    this.destroyed = true;
    this.options.onFailed("test failure");
  }
}

const OFFER: SignalData = { type: "offer", sdp: "v=0\r\na=ice-ufrag:one" };
/** An offer of a recreated connection: another ICE session. */
const FRESH_OFFER: SignalData = { type: "offer", sdp: "v=0\r\na=ice-ufrag:two" };
const CANDIDATE: SignalData = { type: "candidate", candidate: { candidate: "candidate:1 1 udp 1 127.0.0.1 5000 typ host" } };

function setup(selfId = "m") {
  const links: RecordingLink[] = [];
  const sent: Array<[string, SignalData]> = [];
  const media = { stream: null, events: new Emitter<LocalMediaEvents>() };
  const mixer = { attach: () => null };
  const manager = new CallManager({ selfId: () => selfId, sendSignal: (to, data) => sent.push([to, data]) }, media, mixer, {
    retryDelays: [100, 200],
    createLink: (options) => {
      const link = new RecordingLink(options);
      links.push(link);
      return link;
    },
  });
  const events: string[] = [];
  manager.events.on("peerJoined", (id) => events.push(`joined ${id}`));
  manager.events.on("peerLeft", (id) => events.push(`left ${id}`));
  manager.events.on("peerState", (id, state) => events.push(`${id} ${state}`));
  const live = (id: string) => links.filter((l) => l.options.peerId === id && !l.destroyed);
  return { manager, links, sent, events, live };
}

const peer = (id: string, initiator: boolean) => ({ id, name: id.toUpperCase(), initiator });

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test("one link per partner, with the server's role; leaving the conversation closes them all", () => {
  const { manager, links, events } = setup();
  manager.update({ groupId: "g1", peers: [peer("a", true), peer("z", false)] });
  expect(links.map((l) => [l.options.peerId, l.options.initiator])).toEqual([["a", true], ["z", false]]);
  manager.update({ groupId: "g1", peers: [peer("a", true)] });
  expect(links[1].destroyed).toBe(true);
  manager.update({ groupId: null, peers: [] });
  expect(links.every((l) => l.destroyed)).toBe(true);
  expect(events).toEqual(["joined a", "a connecting", "joined z", "z connecting", "left z", "left a"]);
  expect(manager.peerIds()).toEqual([]);
});

test("signalling goes out addressed to the partner and comes in to its link", () => {
  const { manager, links, sent } = setup();
  manager.update({ groupId: "g1", peers: [peer("a", false)] });
  links[0].options.send(CANDIDATE);
  expect(sent).toEqual([["a", CANDIDATE]]);
  manager.receive("a", OFFER);
  expect(links[0].received).toEqual([OFFER]);
});

test("signals that arrive before the Conversation message are kept for the link", () => {
  const { manager, links } = setup();
  manager.receive("a", OFFER);
  manager.receive("a", CANDIDATE);
  manager.update({ groupId: "g1", peers: [peer("a", false)] });
  expect(links[0].received).toEqual([OFFER, CANDIDATE]);
  // …but not for someone who never joins us.
  manager.receive("b", OFFER);
  manager.update({ groupId: "g1", peers: [peer("a", false)] });
  manager.update({ groupId: "g1", peers: [peer("a", false), peer("b", false)] });
  expect(links.find((l) => l.options.peerId === "b")!.received).toEqual([]);
});

test("the initiator retries a failed link with backoff, then gives up until the conversation changes", () => {
  const { manager, links, events, live } = setup();
  manager.update({ groupId: "g1", peers: [peer("a", true)] });
  links[0].fail();
  expect(live("a")).toHaveLength(0);
  jest.advanceTimersByTime(99);
  expect(links).toHaveLength(1);
  jest.advanceTimersByTime(1);
  expect(live("a")).toHaveLength(1);
  live("a")[0].fail();
  jest.advanceTimersByTime(200);
  expect(links).toHaveLength(3);
  live("a")[0].fail();
  jest.advanceTimersByTime(10_000);
  expect(links).toHaveLength(3);
  expect(events.at(-1)).toBe("a failed");
  // A new conversation with the same partner: another round.
  manager.update({ groupId: "g2", peers: [peer("a", true)] });
  expect(live("a")).toHaveLength(1);
});

test("a connected link resets the tries", () => {
  const { manager, links, live } = setup();
  manager.update({ groupId: "g1", peers: [peer("a", true)] });
  for (let round = 0; round < 4; round++) {
    live("a")[0].options.onConnect();
    live("a")[0].fail();
    jest.advanceTimersByTime(100);
  }
  expect(links).toHaveLength(5);
  expect(live("a")).toHaveLength(1);
});

test("the answering side waits with a fresh link, and a second offer gets a fresh link too", () => {
  const { manager, links, live } = setup();
  manager.update({ groupId: "g1", peers: [peer("a", false)] });
  links[0].fail();
  expect(live("a")).toHaveLength(1); // at once, no backoff: the initiator decides when
  manager.receive("a", OFFER);
  const answering = live("a")[0];
  manager.receive("a", FRESH_OFFER); // the initiator started over
  expect(answering.destroyed).toBe(true);
  expect(live("a")[0].received).toEqual([FRESH_OFFER]);
});

test("a further offer of the same ICE session renegotiates the link it is for (a screen share)", () => {
  const { manager, links, live } = setup();
  manager.update({ groupId: "g1", peers: [peer("a", false)] });
  manager.receive("a", OFFER);
  manager.receive("a", OFFER);
  expect(links).toHaveLength(1);
  expect(live("a")[0].received).toEqual([OFFER, OFFER]);
});

/** Enough of a MediaStream for the manager's sorting (it only compares ids). */
const stream = (id: string) => ({ id }) as MediaStream;

test("tells a partner's screen from their camera by the stream the room names, whichever comes first", () => {
  const { manager, links } = setup();
  const seen: string[] = [];
  manager.events.on("peerStream", (id, s) => seen.push(`${id} camera ${s.id}`));
  manager.events.on("peerScreen", (id, s) => seen.push(`${id} screen ${s?.id ?? "none"}`));
  manager.update({ groupId: "g1", peers: [peer("a", true), peer("b", true)] });
  const [linkA, linkB] = links;
  // A: the room's word first, then the streams.
  manager.setScreenShares([{ id: "a", stream: "a-screen" }]);
  linkA.options.onStream(stream("a-cam"));
  linkA.options.onStream(stream("a-screen"));
  // B: the streams first, the room's word after.
  linkB.options.onStream(stream("b-cam"));
  linkB.options.onStream(stream("b-screen"));
  manager.setScreenShares([{ id: "a", stream: "a-screen" }, { id: "b", stream: "b-screen" }]);
  expect(seen).toEqual(["a camera a-cam", "a screen a-screen", "b camera b-cam", "b screen b-screen"]);
  // A stops: the stream stays on the link (its sender just sends nothing) but is no screen any more.
  seen.length = 0;
  manager.setScreenShares([{ id: "b", stream: "b-screen" }]);
  expect(seen).toEqual(["a screen none"]);
  // B's link is recreated: its screen goes with it, until the new link brings it again.
  seen.length = 0;
  linkB.fail();
  jest.advanceTimersByTime(100);
  expect(seen).toEqual(["b screen none"]);
  links.at(-1)!.options.onStream(stream("b-screen"));
  expect(seen).toEqual(["b screen none", "b screen b-screen"]);
});

test("a failure reported by a link that was already replaced changes nothing", () => {
  const { manager, links, live } = setup();
  manager.update({ groupId: "g1", peers: [peer("a", false)] });
  manager.receive("a", OFFER);
  manager.receive("a", FRESH_OFFER);
  const current = live("a")[0];
  links[0].fail();
  expect(live("a")).toEqual([current]);
});

test("after dispose nothing is opened and every link is closed", () => {
  const { manager, links } = setup();
  manager.update({ groupId: "g1", peers: [peer("a", true)] });
  manager.dispose();
  manager.update({ groupId: "g1", peers: [peer("b", true)] });
  manager.receive("a", OFFER);
  expect(links).toHaveLength(1);
  expect(links[0].destroyed).toBe(true);
});
