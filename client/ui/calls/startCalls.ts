import type { Point } from "../../../shared/map/types";
import { AudioMixer, type AudioTap } from "../../media/AudioMixer";
import { CallManager } from "../../media/CallManager";
import { distanceGain } from "../../media/distanceGain";
import { hearingFalloff } from "../settings/hearingFalloff";
import { currentPreferences } from "../settings/preferences";
import { LocalMedia } from "../../media/LocalMedia";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables } from "../../util/Emitter";
import { CallControls } from "./CallControls";
import { CallSettings } from "./CallSettings";
import { VideoStrip } from "./VideoStrip";

/**
 * Wires auto-talk into the page: camera/microphone once, the CallManager fed
 * by the room connection, the video strip, controls and settings, plus a
 * small loop for speaking rings and distance-based volume. Returns the one
 * disposer that releases all of it.
 */

export interface CallsOptions {
  connection: OfficeConnection;
  tileSize: number;
  selfPosition(): Point | null;
  strip: HTMLElement;
  controls: HTMLElement;
  notice: HTMLElement;
}

const LOOP_MS = 150;
/** RMS above which someone counts as speaking (Chromium's fake beep is far above; room noise is below). */
const SPEAKING_LEVEL = 0.02;
const SPEAKING_HOLD_MS = 400;

export async function startCalls(options: CallsOptions): Promise<() => void> {
  const { connection } = options;
  const disposables = new Disposables();
  const media = await LocalMedia.acquire();
  disposables.add(() => media.dispose());
  if (media.problem) {
    options.notice.textContent = media.problem;
    options.notice.hidden = false;
  }
  const mixer = new AudioMixer();
  disposables.add(() => mixer.dispose());
  const firstFrames = new Map<string, number>();
  const strip = new VideoStrip(options.strip, (id, at) => firstFrames.set(id, at));
  disposables.add(() => strip.dispose());
  strip.setSelf(media.stream);
  const selfTap: AudioTap | null = media.stream ? mixer.attach(media.stream, false) : null;
  const controls = new CallControls(options.controls, media, () => strip.setCameraOff(media.hasVideo && !media.cameraOn));
  disposables.add(() => controls.dispose());
  const iceServers = () => (connection.iceServers?.iceServers ?? []) as RTCIceServer[];
  const settings = new CallSettings(options.controls, media, iceServers);
  disposables.add(() => settings.dispose());

  const calls = new CallManager({ selfId: () => connection.selfId, sendSignal: (to, data) => connection.sendSignal(to, data) }, media, mixer);
  disposables.add(() => calls.dispose());
  calls.setIceServers(iceServers());
  calls.events.on("peerJoined", (id, name) => {
    firstFrames.delete(id);
    strip.addPeer(id, name);
  });
  calls.events.on("peerStream", (id, stream) => {
    firstFrames.delete(id);
    strip.setStream(id, stream);
  });
  calls.events.on("peerState", (id, state) => strip.setState(id, state));
  calls.events.on("peerLeft", (id) => {
    firstFrames.delete(id);
    strip.removePeer(id);
  });
  calls.events.on("full", (info) => {
    options.strip.dataset.full = info ? String(info.size) : "";
    if (info) options.notice.textContent = `That conversation is full (${info.size} people).`;
    else if (options.notice.textContent?.startsWith("That conversation is full")) options.notice.textContent = media.problem ?? "";
    options.notice.hidden = !options.notice.textContent;
  });
  disposables.add(connection.events.on("iceServers", (m) => calls.setIceServers(m.iceServers as RTCIceServer[])));
  disposables.add(connection.events.on("conversation", (c) => calls.update(c)));
  disposables.add(connection.events.on("signal", (s) => calls.receive(s.from, s.data)));
  // The first Conversation message may have arrived while the camera was being opened.
  if (connection.conversation) calls.update(connection.conversation);

  const loudUntil = new Map<string, number>();
  const speaking = (id: string, level: number, now: number) => {
    if (level > SPEAKING_LEVEL) loudUntil.set(id, now + SPEAKING_HOLD_MS);
    strip.setSpeaking(id, (loudUntil.get(id) ?? 0) > now);
  };
  const loop = setInterval(() => {
    const now = performance.now();
    speaking("self", media.micOn ? (selfTap?.level() ?? 0) : 0, now);
    const self = options.selfPosition();
    for (const id of calls.peerIds()) {
      speaking(id, calls.level(id), now);
      const other = connection.member(id);
      const distance = self && other ? Math.hypot(other.x - self.x, other.y - self.y) : Number.NaN;
      calls.setGain(id, distanceGain(distance, options.tileSize, hearingFalloff(currentPreferences().hearingTiles)));
    }
  }, LOOP_MS);
  disposables.add(() => clearInterval(loop));

  Object.defineProperty(window, "__deskmapCalls", {
    value: Object.freeze({
      peers: () =>
        calls.peerIds().map((id) => ({
          id,
          connected: calls.isConnected(id),
          initiator: calls.isInitiator(id),
          enteredAt: calls.enteredAt(id),
          firstFrameAt: firstFrames.get(id) ?? null,
        })),
      level: (id: string) => calls.level(id),
    }),
    configurable: true,
  });
  disposables.add(() => Reflect.deleteProperty(window, "__deskmapCalls"));
  return () => disposables.dispose();
}
