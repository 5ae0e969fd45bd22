import { effect } from "@preact/signals";
import { render } from "preact";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import type { NoticeCenter } from "../notices/NoticeCenter";
import type { OfficeUi } from "../officeUi";
import { MeetupsPanel, type Go } from "./MeetupsPanel";
import { walkTarget } from "./meetupZones";
import { ZoneLockControls } from "./ZoneLockControls";

export interface MeetupsUiOptions {
  ui: OfficeUi;
  connection: OfficeConnection;
  notices: NoticeCenter;
  /** Where the panel renders (a section of the side panel). */
  host: HTMLElement;
  /** Mutes our microphone (a host asked); the call controls can turn it back on. */
  mute(): void;
}

/**
 * Meetups in the page (issue 6): the panel, the "a meetup started" banner
 * with "Go there" (walk) and "Take me there" (the server moves you), host
 * mutes, the stage notes, and knocks on locked zones. Returns its disposer.
 */
export function startMeetupsUi(options: MeetupsUiOptions): () => void {
  const { ui, connection, notices, host } = options;
  const go: Go = (m, how) => {
    if (how === "teleport") return ui.send(ClientMessage.MeetupAction, { id: m.id, action: "teleport" });
    const others = connection.allMembers().filter((p) => p.id !== connection.selfId && p.located !== false);
    const target = walkTarget(ui.map, m.zoneId, others);
    if (!target || !ui.walkTo(target)) {
      notices.post({ key: "meetup-walk", text: "There is no way to walk there from here: try “Take me there”." });
    }
  };
  render(
    <>
      <ZoneLockControls ui={ui} />
      <MeetupsPanel ui={ui} go={go} />
    </>,
    host,
  );
  connection.send(ClientMessage.MeetupList, {});

  const m = connection.messages;
  const offs = [
    m.on(ServerMessage.MeetupStarted, (started) => {
      notices.post({
        key: `meetup-started:${started.id}`,
        text: `“${started.title}” has started in ${started.zoneName}.`,
        data: { "data-meetup-banner": started.id },
        actions: [
          { label: "Go there", data: { "data-go-there": "" }, run: () => go(started, "walk") },
          { label: "Take me there", data: { "data-take-me-there": "" }, run: () => go(started, "teleport") },
        ],
      });
    }),
    m.on(ServerMessage.MeetupMuted, ({ by }) => {
      options.mute();
      notices.post({ key: "meetup-muted", text: `${by} muted your microphone.` });
    }),
    m.on(ServerMessage.ZoneKnock, (k) => {
      const answer = (accept: boolean) => () => ui.send(ClientMessage.ZoneKnockAnswer, { from: k.from, accept });
      notices.post({
        key: `zone-knock:${k.from}`,
        text: `${k.name} knocks to come in.`,
        urgent: true,
        actions: [
          { label: "Let in", run: answer(true) },
          { label: "Not now", run: answer(false) },
        ],
      });
    }),
    m.on(ServerMessage.ZoneKnockResult, (r) => {
      const text = r.outcome === "accepted" ? "You were let in." : r.outcome === "declined" ? "They did not let you in." : "The zone is open again.";
      notices.post({ key: "zone-knock-result", text });
    }),
    m.on(ServerMessage.Conversation, (c) => {
      if (c.stage?.note) notices.post({ key: "stage-note", text: c.stage.note, data: { "data-stage-note": "" } });
      if (c.full?.reason && c.stage) notices.post({ key: "stage-full", text: c.full.reason, data: { "data-stage-full": "" } });
    }),
  ];
  // The stage role is part of the layout (listeners see no camera controls).
  offs.push(
    effect(() => {
      document.documentElement.dataset.stageRole = ui.state.conversation.value?.stage?.role ?? "";
    }),
  );
  return () => {
    for (const off of offs) off();
    render(null, host);
  };
}
