import type { LocalMedia } from "../../media/LocalMedia";
import type { OfficeConnection } from "../../net/OfficeConnection";

/** At most one report per this interval (the room allows bursts of 10, then 4 a second). */
const MIN_GAP_MS = 250;

/**
 * Tells the room whether our microphone and camera are on (issue 16), so the
 * others' tiles of us say "Muted" or show our name instead of black video:
 * now, on every toggle, and again after each reconnect (reports sent while
 * the socket was down are dropped). Quick toggles are coalesced into one
 * trailing report of the latest state, so the rate limit never leaves a stale
 * one behind. Returns the disposer.
 */
export function reportCallMedia(connection: OfficeConnection, media: LocalMedia): () => void {
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let last = "";
  let timer: ReturnType<typeof setTimeout> | null = null;
  const send = (force: boolean) => {
    timer = null;
    const mic = media.hasAudio && media.micOn;
    const camera = media.hasVideo && media.cameraOn;
    const key = `${mic}/${camera}`;
    if (!force && key === last) return;
    last = key;
    lastSentAt = performance.now();
    connection.sendCallMedia(mic, camera);
  };
  const schedule = (force: boolean) => {
    if (timer !== null) return;
    const wait = lastSentAt + MIN_GAP_MS - performance.now();
    if (wait <= 0) send(force);
    else timer = setTimeout(() => send(force), wait);
  };
  schedule(true);
  const offMedia = media.events.on("changed", () => schedule(false));
  const offStatus = connection.events.on("status", (status) => {
    if (status === "connected") schedule(true);
  });
  return () => {
    offMedia();
    offStatus();
    if (timer !== null) clearTimeout(timer);
  };
}
