import { computed, effect, signal } from "@preact/signals";
import { render } from "preact";
import { Disposables } from "../util/Emitter";

/**
 * The side panel: People (the text view), Chat, Meetups and Your status.
 * On wide screens it is docked beside the map, every section stacked; on
 * phones it is a bottom sheet with one tab per section, which can shrink to
 * its tab bar so the map stays free. The top bar's "text view" button shows
 * or hides the People section only: chat and the rest stay where they are.
 */

export type SectionId = "people" | "chat" | "meetups" | "status";

const SECTIONS: Array<[SectionId, string]> = [
  ["people", "People"],
  ["chat", "Chat"],
  ["meetups", "Meetups"],
  ["status", "Status"],
];

const NARROW = "(max-width: 640px)";

export class SidePanel {
  /** Phone layout: one section at a time in a bottom sheet. */
  readonly narrow = signal(false);
  readonly active = signal<SectionId>("people");
  /** The bottom sheet shows its section (true) or only its tabs. */
  readonly sheetOpen = signal(false);
  readonly peopleShown = signal(true);
  /** Unread counts per tab (chat), shown as badges on phones. */
  readonly badges = signal<Partial<Record<SectionId, number>>>({});
  readonly visible = computed(() => (section: SectionId) =>
    this.narrow.value ? this.sheetOpen.value && this.active.value === section : section !== "people" || this.peopleShown.value,
  );
  private readonly disposables = new Disposables();
  private enabled = false;

  constructor(
    private readonly app: HTMLElement,
    private readonly panel: HTMLElement,
    private readonly toggle: HTMLButtonElement,
    private readonly heading: HTMLElement,
  ) {
    const query = window.matchMedia(NARROW);
    this.narrow.value = query.matches;
    this.disposables.listen(query, "change", () => (this.narrow.value = query.matches));
    this.disposables.listen(toggle, "click", () => {
      if (this.narrow.value) this.show("people", !(this.sheetOpen.value && this.active.value === "people"));
      else this.peopleShown.value = !this.peopleShown.value;
    });
    this.disposables.listen(document, "click", (event: MouseEvent) => {
      if (!(event.target as Element | null)?.closest?.("[data-skip-to-people]")) return;
      event.preventDefault();
      this.focusPeople();
    });
    this.disposables.add(effect(() => this.apply()));
    render(<Tabs panel={this} />, panel.querySelector<HTMLElement>("[data-panel-tabs]")!);
    this.disposables.add(() => render(null, panel.querySelector<HTMLElement>("[data-panel-tabs]")!));
  }

  /** Called once joined. */
  enable(): void {
    this.enabled = true;
    this.panel.hidden = false;
    this.toggle.hidden = false;
    document.querySelector<HTMLElement>("[data-skip-to-people]")?.removeAttribute("hidden");
    this.apply();
  }

  /** Shows a section (on phones: opens the sheet on its tab). */
  show(section: SectionId, open = true): void {
    this.active.value = section;
    this.sheetOpen.value = open;
    if (section === "people" && open) this.peopleShown.value = true;
  }

  isVisible(section: SectionId): boolean {
    return this.enabled && this.visible.value(section);
  }

  focusPeople(): void {
    if (!this.enabled) return;
    this.show("people");
    this.heading.focus();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private apply(): void {
    const narrow = this.narrow.value;
    const visible = this.visible.value;
    this.app.dataset.layout = narrow ? "phone" : "wide";
    this.app.dataset.panel = this.enabled ? (narrow && !this.sheetOpen.value ? "tabs" : "open") : "closed";
    for (const [id] of SECTIONS) {
      const el = this.panel.querySelector<HTMLElement>(`[data-section="${id}"]`);
      if (!el) continue;
      el.hidden = !visible(id);
      if (narrow) {
        el.setAttribute("role", "tabpanel");
        el.setAttribute("aria-labelledby", `tab-${id}`);
      } else {
        el.removeAttribute("role");
        el.removeAttribute("aria-labelledby");
      }
    }
    const peopleOn = visible("people");
    this.toggle.setAttribute("aria-expanded", String(peopleOn));
    this.toggle.textContent = peopleOn ? "Hide text view" : "Show text view";
    // The game canvas resizes with its container; let Phaser's RESIZE mode notice.
    window.dispatchEvent(new Event("resize"));
  }
}

function Tabs({ panel }: { panel: SidePanel }) {
  if (!panel.narrow.value) return null;
  const active = panel.active.value;
  const open = panel.sheetOpen.value;
  const badges = panel.badges.value;
  return (
    <>
      {SECTIONS.map(([id, label]) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-controls={`section-${id}`}
          aria-selected={open && active === id}
          onClick={() => panel.show(id, !(open && active === id))}
        >
          {label}
          {badges[id] ? <span class="chat-badge" aria-label={`${badges[id]} unread`}>{badges[id]}</span> : null}
        </button>
      ))}
    </>
  );
}
