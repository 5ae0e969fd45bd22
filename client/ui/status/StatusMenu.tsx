import { useEffect, useRef, useState } from "preact/hooks";
import { ClientMessage } from "../../../shared/protocol/names";
import { FOCUS_TIMER_MAX_MINUTES, FOCUS_TIMER_MIN_MINUTES, FOCUS_TIMER_PRESETS_MINUTES } from "../../../shared/status/focusTimer";
import { PRESENCE_STATUSES, STATUS_LABELS, STATUS_TEXT_MAX, isPresenceStatus, type PresenceStatus } from "../../../shared/status/statusKinds";
import type { OfficeUi } from "../officeUi";
import type { StatusChoice } from "./statusChoice";
import { statusPhrase, timeLeft } from "./statusLabel";

/**
 * Your status: the menu (Available, Busy, Focus, Away), a custom text, and the
 * focus timer. The menu shows what everyone sees now (Focus at a focus desk,
 * Away while idle), straight from the state; choosing sends it (or, while the
 * page is reconnecting, keeps it pending until it can: statusChoice).
 */
export function StatusMenu({ ui, choice }: { ui: OfficeUi; choice: StatusChoice }) {
  const me = ui.state.self.value;
  const pending = choice.pending.value;
  const [problem, setProblem] = useState("");
  const text = useRef<HTMLInputElement>(null);
  const minutes = useRef<HTMLInputElement>(null);
  const primed = useRef(false);
  const current: PresenceStatus = isPresenceStatus(me?.status) ? me.status : "available";
  const shown: PresenceStatus = pending?.kind ?? current;
  useEffect(() => {
    if (primed.current || !me || !text.current) return;
    primed.current = true;
    text.current.value = me.statusText ?? "";
  }, [me]);
  const send = (kind: PresenceStatus) => choice.choose({ kind, text: (text.current?.value ?? "").trim().slice(0, STATUS_TEXT_MAX) });
  const startTimer = (m: number) => {
    if (!Number.isInteger(m) || m < FOCUS_TIMER_MIN_MINUTES || m > FOCUS_TIMER_MAX_MINUTES) {
      setProblem(`A focus timer lasts ${FOCUS_TIMER_MIN_MINUTES}–${FOCUS_TIMER_MAX_MINUTES} whole minutes.`);
      return;
    }
    setProblem("");
    ui.send(ClientMessage.FocusTimer, { action: "start", minutes: m });
  };
  return (
    <section class="status-menu" aria-label="Your status">
      <div class="status-row">
        <select data-status-kind="" aria-label="Your status" value={shown} onChange={(e) => send((e.currentTarget as HTMLSelectElement).value as PresenceStatus)}>
          {PRESENCE_STATUSES.map((s) => (
            <option key={s} value={s}>{STATUS_LABELS[s]}</option>
          ))}
        </select>
        <input
          ref={text}
          type="text"
          maxLength={STATUS_TEXT_MAX}
          placeholder="What are you up to?"
          data-status-text=""
          aria-label="Status text"
          onKeyDown={(e) => e.key === "Enter" && send(shown)}
        />
        <button type="button" data-status-set="" onClick={() => send(shown)}>Set</button>
      </div>
      <div class="status-row" role="group" aria-label="Focus timer">
        <span>Focus timer</span>
        {FOCUS_TIMER_PRESETS_MINUTES.map((m) => (
          <button key={m} type="button" data-timer-start={String(m)} onClick={() => startTimer(m)}>{m} min</button>
        ))}
        <input ref={minutes} type="number" min={FOCUS_TIMER_MIN_MINUTES} max={FOCUS_TIMER_MAX_MINUTES} defaultValue="30" aria-label="Focus minutes" data-timer-minutes="" />
        <button type="button" data-timer-custom="" onClick={() => startTimer(Number(minutes.current?.value))}>Start</button>
        <button type="button" data-timer-cancel="" onClick={() => ui.send(ClientMessage.FocusTimer, { action: "cancel" })}>Stop</button>
      </div>
      <p class="status-shown" data-status-shown="" aria-live="polite">
        {problem || (me ? <Shown status={me.status} seat={me.seat} focusStart={me.focusStart} focusEnd={me.focusEnd} /> : null)}
        {pending ? ` ${STATUS_LABELS[pending.kind]} once the connection is back.` : null}
      </p>
    </section>
  );
}

/** "You appear as: Focus, seated at d3, focus timer 12:05 left." (the countdown ticks only while a timer runs). */
function Shown(props: { status?: string; seat?: string; focusStart?: number; focusEnd?: number }) {
  const running = !!(props.focusStart && props.focusEnd);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const clock = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(clock);
  }, [running]);
  const parts = [`You appear as: ${statusPhrase({ status: props.status }) || "Available"}`];
  if (props.seat) parts.push(`seated at ${props.seat}`);
  if (running) parts.push(`focus timer ${timeLeft(props.focusEnd! - now)} left`);
  return <>{`${parts.join(", ")}.`}</>;
}
