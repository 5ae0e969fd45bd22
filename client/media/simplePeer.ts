import SimplePeerBundle from "simple-peer/simplepeer.min.js";
import type SimplePeer from "simple-peer";

/**
 * The only place that imports simple-peer. It uses the package's prebuilt
 * browser bundle, which carries its own `events`/`buffer` shims, so the
 * client build needs no Node polyfills.
 */
export type PeerInstance = SimplePeer.Instance;
export type PeerOptions = SimplePeer.Options;
export type PeerSignal = SimplePeer.SignalData;

export function createSimplePeer(options: PeerOptions): PeerInstance {
  return new SimplePeerBundle(options);
}
