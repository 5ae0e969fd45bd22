import { Emitter } from "../util/Emitter";
import { CallManager, type Link } from "./CallManager";
import { JanusPath, type MediaRoute } from "./JanusPath";
import type { LocalMediaEvents } from "./LocalMedia";
import type { PeerLinkOptions } from "./PeerLink";
import { RoutedMediaPath } from "./RoutedMediaPath";

/**
 * Which path carries a conversation, and how the media server path keeps in
 * step with the room's routes, with no camera (so no RTCPeerConnection is
 * made here: real connections are exercised in e2e/mediaServer.test.ts).
 */

const stubLink = (options: PeerLinkOptions, links: string[]): Link => {
  links.push(options.peerId);
  return { isConnected: false, needsFreshLinkFor: () => false, signal: () => {}, replaceTrack: () => {}, setScreen: () => {}, destroy: () => {} };
};

function setup() {
  const links: string[] = [];
  const subscribed: string[] = [];
  const screens: string[] = [];
  const media = { stream: null, events: new Emitter<LocalMediaEvents>() };
  const mixer = { attach: () => null };
  const mesh = new CallManager({ selfId: () => "me", sendSignal: () => {} }, media, mixer, { createLink: (o) => stubLink(o, links) });
  const janus = new JanusPath({ publish: () => {}, subscribe: (feed, kind) => (kind === "screen" ? screens : subscribed).push(feed), answer: () => {} }, media, mixer, [100, 200]);
  const path = new RoutedMediaPath(mesh, janus);
  const joined: string[] = [];
  const left: string[] = [];
  path.events.on("peerJoined", (id) => joined.push(id));
  path.events.on("peerLeft", (id) => left.push(id));
  return { path, janus, links, subscribed, screens, joined, left };
}

const meeting = { groupId: "zone-3", peers: [{ id: "ann", name: "Ann", initiator: true }, { id: "bo", name: "Bo", initiator: false }] };
const viaJanus = (feeds: string[], screens: string[] = []): MediaRoute => ({
  groupId: "zone-3",
  via: "janus",
  publish: true,
  publishScreen: false,
  feeds: [...feeds.map((id) => ({ id, name: id, kind: "camera" as const })), ...screens.map((id) => ({ id, name: id, kind: "screen" as const }))],
});

afterEach(() => jest.useRealTimers());

test("without routes (no media server) everything is peer to peer at once", () => {
  const { path, links, subscribed } = setup();
  path.update(meeting);
  expect(links.sort()).toEqual(["ann", "bo"]);
  expect(subscribed).toEqual([]);
  expect(path.viaJanus).toBe(false);
});

test("with a media server a conversation waits for its route, then goes through Janus only: no peer-to-peer link", () => {
  const { path, links, subscribed, joined } = setup();
  path.setRoute({ groupId: null, via: "mesh", publish: false, publishScreen: false, feeds: [] });
  path.update(meeting);
  expect(links).toEqual([]);
  expect(joined).toEqual([]);
  path.setRoute(viaJanus(["ann"]));
  expect(path.viaJanus).toBe(true);
  expect(subscribed).toEqual(["ann"]);
  // Bo publishes nothing yet, and still has a tile (as peer to peer).
  expect(joined).toEqual(["ann", "bo"]);
  expect(links).toEqual([]);
  // A route with more feeds subscribes only to the new one.
  path.setRoute(viaJanus(["ann", "bo"]));
  expect(subscribed).toEqual(["ann", "bo"]);
  expect(path.peerIds().sort()).toEqual(["ann", "bo"]);
});

test("a mesh route for the conversation (Janus unreachable) drops the feeds and calls peer to peer", () => {
  const { path, links, left } = setup();
  path.setRoute(viaJanus(["ann", "bo"]));
  path.update(meeting);
  expect(links).toEqual([]);
  path.setRoute({ groupId: "zone-3", via: "mesh", publish: true, publishScreen: false, feeds: [], notice: "The media server is unreachable." });
  expect(left.sort()).toEqual(["ann", "bo"]);
  expect(links.sort()).toEqual(["ann", "bo"]);
  expect(path.viaJanus).toBe(false);
});

test("a refused subscribe, or a feed the room ended, is asked for again after a backoff from the last route", () => {
  jest.useFakeTimers();
  const { path, janus, subscribed, left } = setup();
  path.setRoute(viaJanus(["ann"]));
  path.update(meeting);
  janus.refused("subscribe");
  expect(subscribed).toEqual(["ann"]);
  jest.advanceTimersByTime(100);
  expect(subscribed).toEqual(["ann", "ann"]);
  // The room ends the feed without changing the route: the tile stays and the feed is asked for again.
  janus.ended("ann", "camera");
  expect(left).toEqual([]);
  jest.advanceTimersByTime(200);
  expect(subscribed).toEqual(["ann", "ann", "ann"]);
  // Tries are used up: no more until the conversation changes (and the console says so).
  const warn = jest.spyOn(console, "warn").mockImplementation(() => {});
  janus.ended("ann", "camera");
  expect(warn).toHaveBeenCalledWith("[deskmap] media server: giving up until the conversation changes");
  warn.mockRestore();
  jest.advanceTimersByTime(10_000);
  expect(subscribed).toHaveLength(3);
  path.update({ groupId: null, peers: [] });
  expect(left).toEqual(["ann", "bo"]);
});

test("a screen feed in the route is subscribed to as a screen: no tile of its own, and it goes when the route drops it", () => {
  const { path, subscribed, screens, joined, left } = setup();
  path.setRoute(viaJanus(["ann"], ["ann"]));
  path.update(meeting);
  expect(subscribed).toEqual(["ann"]);
  expect(screens).toEqual(["ann"]);
  expect(joined).toEqual(["ann", "bo"]);
  expect(path.peerIds()).toEqual(["ann"]);
  // Ann stops sharing: her camera tile stays, the screen is not asked for again.
  path.setRoute(viaJanus(["ann"]));
  expect(left).toEqual([]);
  path.setRoute(viaJanus(["ann"], ["ann", "bo"]));
  expect(screens).toEqual(["ann", "ann", "bo"]);
  expect(path.peerIds()).toEqual(["ann"]);
});

test("through Janus everyone the room lists has a tile, publishing or not; a stage speaker's listeners too; tiles go with the conversation", () => {
  const { path, subscribed, joined, left } = setup();
  // A stage speaker: the room lists her listeners (they send nothing: receive false) and no feed of theirs.
  const stage = {
    groupId: "zone-3",
    stage: { role: "speaker" as const },
    peers: [
      { id: "lu", name: "Lu", initiator: true, receive: false },
      { id: "max", name: "Max", initiator: true, receive: false },
    ],
  };
  path.setRoute({ ...viaJanus([]), publish: true });
  path.update(stage);
  expect(joined).toEqual(["lu", "max"]);
  expect(subscribed).toEqual([]);
  expect(path.peerIds()).toEqual([]);
  // Max walks off the stage's hall: his tile goes; Lu's stays.
  path.update({ ...stage, peers: [stage.peers[0]] });
  expect(left).toEqual(["max"]);
  // Lu is brought up and publishes: her feed fills the tile she already has (no second peerJoined).
  path.setRoute(viaJanus(["lu"]));
  expect(subscribed).toEqual(["lu"]);
  expect(joined).toEqual(["lu", "max"]);
  // Her feed ends (she stepped down) while she stays in the conversation: the tile stays.
  path.setRoute(viaJanus([]));
  expect(left).toEqual(["max"]);
  // The conversation ends: every tile goes.
  path.update({ groupId: null, peers: [] });
  expect(left).toEqual(["max", "lu"]);
});
