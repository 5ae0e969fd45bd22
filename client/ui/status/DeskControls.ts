import type { OfficeMap } from "../../../shared/map/types";
import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables } from "../../util/Emitter";
import { button, el } from "../dom";

/**
 * "My desk": while seated at an assignable desk, claim it; release the desk
 * that is yours. Owners and admins release others' desks from the same place
 * (the server checks who may).
 */
export class DeskControls {
  readonly root: HTMLElement;
  private readonly info: HTMLElement;
  private readonly claim: HTMLButtonElement;
  private readonly release: HTMLButtonElement;
  private readonly disposables = new Disposables();

  constructor(
    private readonly connection: OfficeConnection,
    private readonly map: OfficeMap,
  ) {
    this.info = el("span", { "data-desk-info": "" });
    this.claim = button("Make this my desk", () => this.send(ClientMessage.ClaimDesk), { "data-desk-claim": "" });
    this.release = button("Release this desk", () => this.send(ClientMessage.ReleaseDesk), { "data-desk-release": "" });
    this.root = el("div", { class: "status-row desk-controls", role: "group", "aria-label": "Desk" }, this.info, this.claim, this.release);
    const refresh = () => this.refresh();
    this.disposables.add(connection.events.on("memberChanged", refresh));
    this.disposables.add(connection.events.on("desks", refresh));
    this.refresh();
  }

  dispose(): void {
    this.disposables.dispose();
    this.root.remove();
  }

  private seatDesk() {
    const seat = this.connection.member(this.connection.selfId)?.seat;
    return seat ? this.map.desks.find((d) => d.id === seat) : undefined;
  }

  private send(type: typeof ClientMessage.ClaimDesk | typeof ClientMessage.ReleaseDesk): void {
    const desk = this.seatDesk();
    if (desk) this.connection.send(type, { desk: desk.id });
  }

  private refresh(): void {
    const desk = this.seatDesk();
    const owner = desk && this.connection.deskOwners().find((o) => o.deskId === desk.id);
    const me = this.connection.member(this.connection.selfId);
    this.root.hidden = !desk;
    this.claim.hidden = !desk || desk.kind !== "assignable" || owner?.owner === me?.memberId;
    this.release.hidden = !owner;
    const text = !desk
      ? ""
      : desk.kind === "focus"
        ? "Focus desk: do not disturb while you sit here (X or walking stands up)."
        : owner
          ? `${owner.owner === me?.memberId ? "Your" : `${owner.ownerName}'s`} desk.`
          : "A free desk.";
    if (this.info.textContent !== text) this.info.textContent = text;
  }
}
