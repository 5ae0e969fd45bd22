import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeUi } from "../officeUi";

/**
 * "My desk": while seated at an assignable desk, claim it; release the desk
 * that is yours. Owners and admins release others' desks from the same place
 * (the server checks who may).
 */
export function DeskControls({ ui }: { ui: OfficeUi }) {
  const me = ui.state.self.value;
  const desk = me?.seat ? ui.map.desks.find((d) => d.id === me.seat) : undefined;
  if (!desk) return null;
  const owner = ui.state.desks.value.find((o) => o.deskId === desk.id);
  const send = (type: typeof ClientMessage.ClaimDesk | typeof ClientMessage.ReleaseDesk) => () => ui.send(type, { desk: desk.id });
  const text =
    desk.kind === "focus"
      ? "Focus desk: do not disturb while you sit here (X or walking stands up)."
      : owner
        ? `${owner.owner === me?.memberId ? "Your" : `${owner.ownerName}'s`} desk.`
        : "A free desk.";
  return (
    <div class="status-row desk-controls" role="group" aria-label="Desk">
      <span data-desk-info="">{text}</span>
      {desk.kind === "assignable" && owner?.owner !== me?.memberId && (
        <button type="button" data-desk-claim="" onClick={send(ClientMessage.ClaimDesk)}>Make this my desk</button>
      )}
      {owner && <button type="button" data-desk-release="" onClick={send(ClientMessage.ReleaseDesk)}>Release this desk</button>}
    </div>
  );
}
