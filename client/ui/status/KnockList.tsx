import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeUi } from "../officeUi";
import { statusPhrase } from "./statusLabel";

/** People who must be knocked on (Busy or Focus), each with a Knock button. */
export function KnockList({ ui }: { ui: OfficeUi }) {
  const self = ui.state.selfId.value;
  const people = [...ui.state.people.value.values()]
    .filter((m) => m.id !== self && (m.status === "focus" || m.status === "busy"))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  if (people.length === 0) return null;
  return (
    <section class="knock-section" aria-label="Knock on a door">
      <h3>Knock to talk</h3>
      <ul class="knock-list" aria-label="Do not disturb">
        {people.map((m) => (
          <li key={m.id} data-knock-person={m.id}>
            <span>{`${m.name} — ${statusPhrase(m)}`}</span>
            <button type="button" data-knock={m.id} aria-label={`Knock on ${m.name}'s door`} onClick={() => ui.send(ClientMessage.Knock, { to: m.id })}>
              Knock
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
