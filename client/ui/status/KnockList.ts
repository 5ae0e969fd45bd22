import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables } from "../../util/Emitter";
import { button, el } from "../dom";
import { statusPhrase } from "./statusLabel";

/** People who must be knocked on (Busy or Focus), each with a Knock button. */
export class KnockList {
  readonly root: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly disposables = new Disposables();
  private lastKey: string | null = null;

  constructor(private readonly connection: OfficeConnection) {
    this.list = el("ul", { class: "knock-list", "aria-label": "Do not disturb" });
    this.root = el("section", { class: "knock-section", "aria-label": "Knock on a door" }, el("h3", {}, "Knock to talk"), this.list);
    const refresh = () => this.refresh();
    this.disposables.add(connection.events.on("memberAdded", refresh));
    this.disposables.add(connection.events.on("memberChanged", refresh));
    this.disposables.add(connection.events.on("memberRemoved", refresh));
    this.refresh();
  }

  dispose(): void {
    this.disposables.dispose();
    this.root.remove();
  }

  private refresh(): void {
    const people = this.connection
      .allMembers()
      .filter((m) => m.id !== this.connection.selfId && (m.status === "focus" || m.status === "busy"))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const key = people.map((m) => `${m.id}:${m.name}:${m.status}:${m.statusText}`).join("|");
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.root.hidden = people.length === 0;
    this.list.replaceChildren(
      ...people.map((m) =>
        el(
          "li",
          { "data-knock-person": m.id },
          el("span", {}, `${m.name} — ${statusPhrase(m)}`),
          button("Knock", () => this.connection.send(ClientMessage.Knock, { to: m.id }), { "data-knock": m.id, "aria-label": `Knock on ${m.name}'s door` }),
        ),
      ),
    );
  }
}
