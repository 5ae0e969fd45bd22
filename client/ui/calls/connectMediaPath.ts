import type { AudioMixer } from "../../media/AudioMixer";
import { CallManager } from "../../media/CallManager";
import { JanusPath, type JanusRequest } from "../../media/JanusPath";
import type { LocalMedia } from "../../media/LocalMedia";
import { RoutedMediaPath } from "../../media/RoutedMediaPath";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables } from "../../util/Emitter";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";

/**
 * The page's media path, wired to the room connection: peer to peer
 * (CallManager, signalling relayed by the room) and the media server
 * (JanusPath, every request checked by the room), picked per conversation by
 * the room's MediaRoute. The route's notice (the media server is unreachable,
 * so this call is peer to peer) is shown until a route without it arrives.
 * Conversation and Signal messages are left to the caller.
 */

const REFUSABLE: Record<string, JanusRequest> = {
  [ClientMessage.MediaPublish]: "publish",
  [ClientMessage.MediaSubscribe]: "subscribe",
  [ClientMessage.MediaAnswer]: "answer",
};

export interface ConnectedMediaPath {
  calls: RoutedMediaPath;
  mesh: CallManager;
  janus: JanusPath;
  dispose(): void;
}

export function connectMediaPath(
  connection: OfficeConnection,
  media: LocalMedia,
  mixer: AudioMixer,
  notice: HTMLElement,
): ConnectedMediaPath {
  const disposables = new Disposables();
  const mesh = new CallManager({ selfId: () => connection.selfId, sendSignal: (to, data) => connection.sendSignal(to, data) }, media, mixer);
  const janus = new JanusPath(
    {
      publish: (sdp, kind) => connection.send(ClientMessage.MediaPublish, { sdp, kind }),
      subscribe: (feed, kind) => connection.send(ClientMessage.MediaSubscribe, { feed, kind }),
      answer: (feed, kind, sdp) => connection.send(ClientMessage.MediaAnswer, { feed, kind, sdp }),
    },
    media,
    mixer,
  );
  const calls = new RoutedMediaPath(mesh, janus);
  disposables.add(() => calls.dispose());

  let shownNotice: string | null = null;
  const onRoute = (route: NonNullable<OfficeConnection["mediaRoute"]>) => {
    calls.setRoute(route);
    if (route.notice) {
      notice.textContent = route.notice;
      notice.hidden = false;
      shownNotice = route.notice;
    } else if (shownNotice !== null && notice.textContent === shownNotice) {
      notice.textContent = "";
      notice.hidden = true;
      shownNotice = null;
    }
  };
  disposables.add(connection.messages.on(ServerMessage.MediaRoute, onRoute));
  disposables.add(connection.messages.on(ServerMessage.MediaPublished, (m) => janus.published(m.kind, m.sdp)));
  disposables.add(connection.messages.on(ServerMessage.MediaOffer, (m) => void janus.offered(m.feed, m.kind, m.sdp)));
  disposables.add(connection.messages.on(ServerMessage.MediaEnded, (m) => janus.ended(m.feed, m.kind)));
  disposables.add(
    connection.messages.on(ServerMessage.Rejected, (r) => {
      const request = REFUSABLE[r.type];
      if (request) janus.refused(request);
    }),
  );
  // Routes are sent only when they change: one that came while the camera was being opened still counts.
  if (connection.mediaRoute) onRoute(connection.mediaRoute);
  return { calls, mesh, janus, dispose: () => disposables.dispose() };
}
