import { Disposables } from "../util/Emitter";

/**
 * An ARIA tablist: one tab per way of joining, arrow keys (and Home/End) move
 * between tabs and show their panel, Tab leaves for the panel's fields.
 */

export interface TabSpec {
  id: string;
  label: string;
  panel: HTMLElement;
}

export class JoinTabs {
  readonly element: HTMLElement;
  private readonly tabs: HTMLButtonElement[] = [];
  private readonly panels: HTMLElement[] = [];
  private readonly disposables = new Disposables();

  constructor(label: string, specs: TabSpec[]) {
    this.element = document.createElement("div");
    const list = document.createElement("div");
    list.className = "join-tabs";
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", label);
    this.element.append(list);
    for (const spec of specs) {
      const tab = document.createElement("button");
      tab.type = "button";
      tab.className = "join-tab";
      tab.id = `tab-${spec.id}`;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", `panel-${spec.id}`);
      tab.textContent = spec.label;
      const panel = document.createElement("div");
      panel.id = `panel-${spec.id}`;
      panel.className = "join-panel";
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.append(spec.panel);
      list.append(tab);
      this.element.append(panel);
      this.tabs.push(tab);
      this.panels.push(panel);
      this.disposables.listen(tab, "click", () => this.select(spec.id));
    }
    this.disposables.listen(list, "keydown", (event: KeyboardEvent) => this.onKey(event));
    this.select(specs[0].id);
  }

  select(id: string, focusTab = false): void {
    this.tabs.forEach((tab, i) => {
      const on = tab.id === `tab-${id}`;
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
      this.panels[i].hidden = !on;
      if (on && focusTab) tab.focus();
    });
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private onKey(event: KeyboardEvent): void {
    const current = this.tabs.findIndex((t) => t.getAttribute("aria-selected") === "true");
    const last = this.tabs.length - 1;
    const next =
      event.key === "ArrowRight" ? (current + 1) % this.tabs.length
      : event.key === "ArrowLeft" ? (current + last) % this.tabs.length
      : event.key === "Home" ? 0
      : event.key === "End" ? last
      : -1;
    if (next < 0) return;
    event.preventDefault();
    this.select(this.tabs[next].id.slice("tab-".length), true);
  }
}
