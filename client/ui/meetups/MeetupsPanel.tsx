import { computed } from "@preact/signals";
import type { MeetupView } from "../../../shared/protocol/meetupMessages";
import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeState } from "../../state/OfficeState";
import type { OfficeUi } from "../officeUi";
import { meetupZoneNames } from "./meetupZones";
import { ScheduleForm } from "./ScheduleForm";

/**
 * The meetups section: live and upcoming meetups with "go there", the
 * schedule form (for those the space allows), hosts' start/end/cancel,
 * raising a hand at a live meetup, and a host's controls over the people there.
 * Everything renders from the state: who stands where comes with the people.
 */

export type Go = (meetup: Pick<MeetupView, "id" | "zoneId">, how: "walk" | "teleport") => void;

interface Props {
  ui: OfficeUi;
  go: Go;
}

export function MeetupsPanel({ ui, go }: Props) {
  const { meetups, youMaySchedule } = ui.state.meetups.value;
  return (
    <section class="meetups" aria-labelledby="meetups-heading" data-meetups="">
      <h2 id="meetups-heading">Meetups</h2>
      {meetups.length === 0 && <p class="panel-empty">No meetups planned.</p>}
      <ul class="meetup-list" data-meetup-list="">
        {meetups.map((m) => (
          <MeetupItem key={m.id} ui={ui} meetup={m} go={go} />
        ))}
      </ul>
      {youMaySchedule && (
        <details class="meetup-schedule">
          <summary>Schedule a meetup</summary>
          <ScheduleForm map={ui.map} submit={(m) => ui.send(ClientMessage.MeetupSchedule, m)} />
        </details>
      )}
    </section>
  );
}

/** Whether a session stands in the meetup's zone (a stage hall includes its platforms). */
export function isAt(ui: Pick<OfficeUi, "state" | "map">, m: Pick<MeetupView, "zoneId">, sessionId: string): boolean {
  const zone = ui.state.people.value.get(sessionId)?.zone;
  return !!zone && meetupZoneNames(ui.map, m.zoneId).has(zone);
}

/** The spotlit speaker of the live meetup we stand in, if any: everyone's video layout pins them large. */
export function spotlightSignal(ui: Pick<OfficeUi, "state" | "map">) {
  return computed(() => {
    const self = ui.state.selfId.value;
    const m = ui.state.meetups.value.meetups.find((x) => x.live && isAt(ui, x, self));
    return m?.live?.spotlight ?? null;
  });
}

function MeetupItem({ ui, meetup: m, go }: { ui: OfficeUi; meetup: MeetupView; go: Go }) {
  const act = (action: "cancel" | "start" | "end") => () => ui.send(ClientMessage.MeetupAction, { id: m.id, action });
  const self = ui.state.selfId.value;
  const when = new Date(m.startsAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
  const here = m.state === "live" && isAt(ui, m, self);
  const raised = m.live?.hands.includes(self) ?? false;
  return (
    <li data-meetup={m.id} data-state={m.state}>
      <strong>{m.title}</strong> · {m.zoneName} · {m.state === "live" ? "live now" : when} · {m.durationMinutes} min
      <div class="meetup-hosts">Hosts: {m.hosts.map((h) => h.name).join(", ")}</div>
      {m.description && <p>{m.description}</p>}
      <div class="meetup-actions">
        {m.state === "live" && !here && (
          <>
            <button type="button" onClick={() => go(m, "walk")}>Go there</button>
            <button type="button" onClick={() => go(m, "teleport")}>Take me there</button>
          </>
        )}
        {here && !m.live?.promoted.includes(self) && (
          <button type="button" data-raise-hand="" onClick={() => ui.send(ClientMessage.RaiseHand, { raised: !raised })}>
            {raised ? "Lower hand" : "Raise hand"}
          </button>
        )}
        {m.youHost && m.state === "scheduled" && (
          <>
            <button type="button" data-meetup-start="" onClick={act("start")}>Start now</button>
            <button type="button" onClick={act("cancel")}>Cancel</button>
          </>
        )}
        {m.youHost && m.state === "live" && (
          <button type="button" data-meetup-end="" onClick={act("end")}>End</button>
        )}
      </div>
      {m.youHost && m.live && <HostControls ui={ui} meetup={m} />}
    </li>
  );
}

/** Hands in order, then everyone at the meetup with mute / bring up / send back / spotlight, and one lock toggle. */
function HostControls({ ui, meetup: m }: { ui: OfficeUi; meetup: MeetupView }) {
  const live = m.live!;
  const { state } = ui;
  const host = (action: "mute" | "promote" | "demote" | "spotlight", target: string) => () =>
    ui.send(ClientMessage.MeetupHost, { id: m.id, action, target });
  const simple = (action: "unspotlight" | "next-hand" | "lock" | "unlock") => () => ui.send(ClientMessage.MeetupHost, { id: m.id, action });
  const nameOf = (id: string) => state.nameOf(id) ?? "someone";
  const locked = state.zoneLocks.value.some((l) => l.zoneId === m.zoneId);
  const attendees = [...state.people.value.values()].filter((p) => p.id !== state.selfId.value && isAt(ui, m, p.id));
  return (
    <div class="meetup-host-controls" data-host-controls="">
      <div>Raised hands: {live.hands.length ? live.hands.map(nameOf).join(", ") : "none"}</div>
      <button type="button" data-next-hand="" onClick={simple("next-hand")} disabled={live.hands.length === 0}>Bring up next hand</button>
      <button type="button" aria-pressed={locked} onClick={simple(locked ? "unlock" : "lock")}>{locked ? "Unlock zone" : "Lock zone"}</button>
      {live.spotlight && <button type="button" onClick={simple("unspotlight")}>Clear spotlight ({nameOf(live.spotlight)})</button>}
      <ul class="meetup-people">
        {attendees.map((p) => (
          <li key={p.id} data-attendee={p.id}>
            {p.name}
            <button type="button" aria-label={`Mute ${p.name}`} onClick={host("mute", p.id)}>Mute</button>
            {live.promoted.includes(p.id) ? (
              <button type="button" aria-label={`Send ${p.name} back`} onClick={host("demote", p.id)}>Send back</button>
            ) : (
              <button type="button" aria-label={`Bring ${p.name} up`} data-promote={p.id} onClick={host("promote", p.id)}>Bring up</button>
            )}
            <button type="button" aria-label={`Spotlight ${p.name}`} onClick={host("spotlight", p.id)}>Spotlight</button>
          </li>
        ))}
      </ul>
    </div>
  );
}

