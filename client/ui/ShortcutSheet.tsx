import { render } from "preact";
import { SHORTCUTS } from "../input/keymap";

/**
 * The "?" sheet: every shortcut from the keymap's table, or on a touch
 * screen what to tap instead. A native modal dialog (Esc closes it).
 */
export function mountShortcutSheet(host: HTMLElement, touch: boolean): { open(): void; dispose(): void } {
  render(<ShortcutSheet touch={touch} />, host);
  const dialog = () => host.querySelector<HTMLDialogElement>("dialog");
  return {
    open: () => {
      const d = dialog();
      if (d && !d.open) d.showModal();
    },
    dispose: () => render(null, host),
  };
}

function ShortcutSheet({ touch }: { touch: boolean }) {
  const rows = SHORTCUTS.filter((s) => (touch ? s.touch !== null : true));
  return (
    <dialog class="settings-dialog shortcut-sheet" aria-labelledby="shortcuts-heading" data-shortcut-sheet="">
      <h2 id="shortcuts-heading">{touch ? "Controls" : "Keyboard shortcuts"}</h2>
      <dl>
        {rows.map((s) => (
          <div key={s.id} class="shortcut-row">
            <dt>{touch ? s.touch : s.keys}</dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}
