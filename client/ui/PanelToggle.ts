import { isTypingTarget } from "../systems/KeyboardIntent";
import { Disposables } from "../util/Emitter";

/**
 * Shows and hides the text-view side panel: the "Show text view" button, the
 * skip link, the "P" shortcut (focus the people list) and Esc (back to the map).
 */
export class PanelToggle {
  private readonly disposables = new Disposables();
  private enabled = false;

  constructor(
    private readonly app: HTMLElement,
    private readonly button: HTMLButtonElement,
    private readonly panel: HTMLElement,
    private readonly heading: HTMLElement,
  ) {
    this.disposables.listen(button, "click", () => this.setOpen(!this.isOpen()));
    this.disposables.listen(document, "click", (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("[data-skip-to-people]");
      if (!link) return;
      event.preventDefault();
      this.focusPeople();
    });
    this.disposables.listen(window, "keydown", (event: KeyboardEvent) => {
      if (!this.enabled || event.ctrlKey || event.altKey || event.metaKey || isTypingTarget(event.target)) return;
      if (event.key === "p" || event.key === "P") {
        event.preventDefault();
        this.focusPeople();
      } else if (event.key === "Escape" && this.panel.contains(document.activeElement)) {
        event.preventDefault();
        document.querySelector<HTMLCanvasElement>("#game canvas")?.focus();
      }
    });
  }

  /** Called once joined: the panel starts open on wide screens, collapsed on narrow ones. */
  enable(): void {
    this.enabled = true;
    this.button.hidden = false;
    document.querySelector<HTMLElement>("[data-skip-to-people]")?.removeAttribute("hidden");
    this.setOpen(!window.matchMedia("(max-width: 640px)").matches);
  }

  focusPeople(): void {
    if (!this.enabled) return;
    this.setOpen(true);
    this.heading.focus();
  }

  isOpen(): boolean {
    return !this.panel.hidden;
  }

  setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.app.dataset.panel = open ? "open" : "closed";
    this.button.setAttribute("aria-expanded", String(open));
    this.button.textContent = open ? "Hide text view" : "Show text view";
    // The game canvas resizes with its container; let Phaser's RESIZE mode notice.
    window.dispatchEvent(new Event("resize"));
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
