import type { Point } from "../../../shared/map/types";
import { AudioMixer, type AudioTap } from "../../media/AudioMixer";
import { ConversationArrivals } from "../../media/conversationArrivals";
import type { MediaPath } from "../../media/MediaPath";
import { distanceGain } from "../../media/distanceGain";
import { hearingFalloff } from "../settings/hearingFalloff";
import { currentPreferences } from "../settings/preferences";
import { LocalMedia } from "../../media/LocalMedia";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables } from "../../util/Emitter";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import { effect, signal, type ReadonlySignal } from "@preact/signals";
import type { OfficeState } from "../../state/OfficeState";
import { CallControls } from "./CallControls";
import { CallSettings } from "./CallSettings";
import { connectMediaPath } from "./connectMediaPath";
import { ScreenShareControl } from "./ScreenShareControl";
import { ScreenShareView } from "./ScreenShareView";
import { LeaveCallButton } from "./LeaveCallButton";
import { reportCallMedia } from "./reportCallMedia";
import { VideoStrip } from "./VideoStrip";

/**
 * Wires auto-talk into the page: camera/microphone once, the CallManager fed
 * by the room connection, the video strip, controls and settings, screen
 * sharing (the toggle and the others' shares, from the page state), plus a
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
  /** Starts calls again (after the person allowed the camera or microphone). */
  retry?(): void;
  /** Puts keyboard focus on the map, where walking happens (after a control that had it goes away). */
  focusMap?(): void;
  /** The page state: names for tiles (renames), and the spotlit speaker. */
  state?: OfficeState;
  spotlight?: ReadonlySignal<string | null>;
}

const LOOP_MS = 150;
/** RMS above which someone counts as speaking (Chromium's fake beep is far above; room noise is below). */
const SPEAKING_LEVEL = 0.02;
const SPEAKING_HOLD_MS = 400;

export interface Calls {
  /** Mutes the microphone (a meetup host asked); the person can turn it back on. */
  mute(): void;
  toggleMic(): void;
  toggleCamera(): void;
  /** Hangs up on the current conversation (the L key); says so when there is none. */
  leave(): void;
  openSettings(): void;
  stop(): void;
}

export async function startCalls(options: CallsOptions): Promise<Calls> {
  const { connection } = options;
  const disposables = new Disposables();
  const media = await LocalMedia.acquire();
  disposables.add(() => media.dispose());
  disposables.add(() => {
    options.notice.replaceChildren();
    options.notice.hidden = true;
  });
  if (media.problem) showProblem(options.notice, media.problem, media.denied, options.retry);
  const mixer = new AudioMixer();
  disposables.add(() => mixer.dispose());
  const firstFrames = new Map<string, number>();
  const strip = new VideoStrip(options.strip, (id, at) => firstFrames.set(id, at));
  disposables.add(() => strip.dispose());
  strip.setSelf(media.stream);
  const selfTap: AudioTap | null = media.stream ? mixer.attach(media.stream, false) : null;
  const controls = new CallControls(options.controls, media, () => strip.setSelfMedia(media.hasAudio && media.micOn, media.hasVideo && media.cameraOn));
  disposables.add(() => controls.dispose());
  disposables.add(reportCallMedia(connection, media));
  const iceServers = () => (connection.iceServers?.iceServers ?? []) as RTCIceServer[];
  const settings = new CallSettings(options.controls, media, iceServers, {
    current: () => mixer.output,
    use: (deviceId) => mixer.setOutput(deviceId),
  });
  disposables.add(() => settings.dispose());

  // Peer to peer, or through the media server when the room routes our conversation there (meeting rooms, stages).
  const { calls, mesh, dispose: disposePath } = connectMediaPath(connection, media, mixer, options.notice);
  disposables.add(disposePath);
  calls.setIceServers(iceServers());
  // Call start and end have their own polite live region, so they never overwrite the office's announcements.
  const callAnnouncer = document.createElement("p");
  callAnnouncer.className = "visually-hidden";
  callAnnouncer.setAttribute("aria-live", "polite");
  callAnnouncer.dataset.callAnnouncer = "";
  options.strip.after(callAnnouncer);
  disposables.add(() => callAnnouncer.remove());
  const announce = (text: string) => {
    callAnnouncer.textContent = "";
    callAnnouncer.textContent = text;
  };
  const inCall = new Set<string>();
  const peerName = (id: string, fallback: string) => options.state?.nameOf(id) ?? fallback;
  // Partners' microphone and camera, as their pages report them to the room (absent = on).
  const showPeerMedia = (id: string) => {
    const person = options.state?.people.peek().get(id);
    if (person) strip.setPeerMedia(id, person.micOn ?? true, person.cameraOn ?? true);
  };
  calls.events.on("peerJoined", (id, name) => {
    firstFrames.delete(id);
    strip.addPeer(id, peerName(id, name));
    showPeerMedia(id);
    if (inCall.size === 0) announce(`Call started with ${peerName(id, name)}`);
    inCall.add(id);
  });
  calls.events.on("peerStream", (id, stream) => {
    firstFrames.delete(id);
    strip.setStream(id, stream);
  });
  calls.events.on("peerState", (id, state) => strip.setState(id, state));
  calls.events.on("peerLeft", (id) => {
    firstFrames.delete(id);
    strip.removePeer(id);
    if (inCall.delete(id) && inCall.size === 0) announce("Call ended");
  });
  const { state, spotlight } = options;
  const leave = () => {
    if (state && !LeaveCallButton.canLeave(state.conversation.peek())) announce("You are not in a call");
    else connection.sendLeaveConversation();
  };
  if (state) {
    const leaveButton = new LeaveCallButton(options.controls, state.conversation, leave, options.focusMap);
    disposables.add(() => leaveButton.dispose());
    // The room's refusal (a stage, or the call ended just before) is read out, not only logged.
    disposables.add(effect(() => {
      const refusal = state.rejected.value.get(ClientMessage.LeaveConversation);
      if (!refusal) return;
      announce(refusal.reason);
      state.clearRejected(ClientMessage.LeaveConversation);
    }));
  }
  if (state) disposables.add(effect(() => {
    for (const [id, person] of state.people.value) {
      strip.rename(id, person.name);
      strip.setPeerMedia(id, person.micOn ?? true, person.cameraOn ?? true);
    }
  }));
  // On a stage the speaker's tiles of listeners (who send nothing) are small; the room's message says who they are.
  if (state) disposables.add(effect(() => {
    const peers = state.conversation.value?.peers ?? [];
    strip.setAudience(new Set(peers.filter((p) => p.receive === false).map((p) => p.id)));
  }));
  if (state) startScreenSharing(calls, state, options, announce, disposables, connection);
  if (spotlight) disposables.add(effect(() => strip.setSpotlight(spotlight.value)));
  calls.events.on("full", (info) => {
    options.strip.dataset.full = info ? String(info.size) : "";
    if (info) options.notice.textContent = `That conversation is full (${info.size} people).`;
    else if (options.notice.textContent?.startsWith("That conversation is full")) {
      if (media.problem) showProblem(options.notice, media.problem, media.denied, options.retry);
      else options.notice.textContent = "";
    }
    options.notice.hidden = !options.notice.textContent;
  });
  disposables.add(connection.messages.on(ServerMessage.IceServers, (m) => calls.setIceServers(m.iceServers as RTCIceServer[])));
  const arrivals = new ConversationArrivals();
  disposables.add(connection.messages.on(ServerMessage.Conversation, (c) => {
    arrivals.update(c.groupId, c.peers);
    calls.update(c);
  }));
  disposables.add(connection.messages.on(ServerMessage.Signal, (s) => calls.receive(s.from, s.data)));
  // The first Conversation message, and a partner's offer, may have arrived while the camera was being opened.
  if (connection.conversation) {
    arrivals.update(connection.conversation.groupId, connection.conversation.peers);
    calls.update(connection.conversation);
  }
  for (const { from, data } of connection.takeUnheardSignals()) calls.receive(from, data);

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
          initiator: mesh.isInitiator(id),
          // Peer to peer: when the connection opened; through Janus: when the room put them in our conversation.
          enteredAt: mesh.enteredAt(id) ?? arrivals.of(id),
          via: calls.carrierOf(id) ?? (calls.viaJanus ? "janus" : "mesh"),
          firstFrameAt: firstFrames.get(id) ?? null,
        })),
      level: (id: string) => calls.level(id),
    }),
    configurable: true,
  });
  disposables.add(() => Reflect.deleteProperty(window, "__deskmapCalls"));
  return {
    mute: () => media.setMicOn(false),
    toggleMic: () => controls.toggleMic(),
    toggleCamera: () => controls.toggleCamera(),
    leave,
    openSettings: () => settings.open(),
    stop: () => disposables.dispose(),
  };
}

/**
 * The toggle, the room's list of sharers fed to the calls (to tell screens
 * from cameras), and the others' shares shown large beside the strip.
 */
function startScreenSharing(
  calls: MediaPath,
  state: OfficeState,
  options: CallsOptions,
  announce: (text: string) => void,
  disposables: Disposables,
  connection: OfficeConnection,
): void {
  const screens = signal<ReadonlyMap<string, MediaStream>>(new Map());
  calls.events.on("peerScreen", (id, stream) => {
    const next = new Map(screens.peek());
    if (stream) next.set(id, stream);
    else next.delete(id);
    screens.value = next;
  });
  disposables.add(effect(() => calls.setScreenShares(state.screenShares.value)));
  const host = document.createElement("section");
  options.strip.after(host);
  disposables.add(() => host.remove());
  const view = new ScreenShareView(host, state, screens, announce);
  disposables.add(() => view.dispose());
  const control = new ScreenShareControl({
    root: options.controls,
    state,
    path: calls,
    send: (payload) => connection.send(ClientMessage.ShareScreen, payload),
    announce,
  });
  disposables.add(() => control.dispose());
}

/** Says what is missing; when the browser refused, how to allow it and a button to try again. */
function showProblem(notice: HTMLElement, problem: string, denied: boolean, retry: (() => void) | undefined): void {
  notice.replaceChildren(problem);
  if (denied) {
    notice.append(
      " To use them, allow the camera and microphone for this site (the camera icon or padlock in the address bar, or your browser's site settings), then try again. ",
    );
    if (retry) {
      const again = document.createElement("button");
      again.type = "button";
      again.textContent = "Try again";
      again.addEventListener("click", retry, { once: true });
      notice.append(again);
    }
  }
  notice.hidden = false;
}
