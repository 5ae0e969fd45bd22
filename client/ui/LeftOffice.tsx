import { effect } from "@preact/signals";
import { render } from "preact";
import type { OfficeState } from "../state/OfficeState";

/**
 * When the office is over for this page (an owner removed us, or the
 * connection is gone for good), the map closes and a card says why, with a
 * way back in. Nobody is left looking at a frozen office.
 */
export function showLeftOffice(state: OfficeState, host: HTMLElement, close: () => void): () => void {
  let shown = false;
  return effect(() => {
    const { status, detail } = state.connection.value;
    const removed = state.removed.value;
    if (shown || status !== "disconnected") return;
    // Our own leave (page closing) sets no detail and no removal: nothing to say then.
    if (!removed && !detail) return;
    shown = true;
    close();
    host.hidden = false;
    render(<LeftCard reason={removed?.reason ?? detail ?? "You left the office."} banned={removed?.banned ?? false} />, host);
    host.querySelector<HTMLElement>("h2")?.focus();
  });
}

function LeftCard({ reason, banned }: { reason: string; banned: boolean }) {
  return (
    <div class="join-card left-office" role="alertdialog" aria-labelledby="left-heading" aria-describedby="left-reason" data-left-office="">
      <h2 id="left-heading" tabIndex={-1}>
        You are no longer in the office
      </h2>
      <p id="left-reason">{reason}</p>
      {!banned && (
        <button type="button" class="join-button" onClick={() => window.location.reload()}>
          Join again
        </button>
      )}
    </div>
  );
}
