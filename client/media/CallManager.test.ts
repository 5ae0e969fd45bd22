import type { SignalData } from "../../shared/protocol/conversationMessages";
import { Emitter } from "../util/Emitter";
import { CallManager, type Link } from "./CallManager";
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
  constructor(readonly options: PeerLinkOptions) {}
  needsFreshLinkFor(data: SignalData): boolean {
    return !this.options.initiator && data.type === "offer" && this.gotOffer;
  }
  signal(data: SignalData): void {
    if (data.type === "offer") this.gotOffer = true;
    this.received.push(data);
  }
  replaceTrack(): void {}
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
  manager.receive("a", OFFER); // the initiator started over
  expect(answering.destroyed).toBe(true);
  expect(live("a")[0].received).toEqual([OFFER]);
});

test("a failure reported by a link that was already replaced changes nothing", () => {
  const { manager, links, live } = setup();
  manager.update({ groupId: "g1", peers: [peer("a", false)] });
  manager.receive("a", OFFER);
  manager.receive("a", OFFER);
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
