import { canModerate } from "../../../shared/moderation/canModerate";
import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import type { MemberSnapshot } from "../../net/types";
import type { Disposables } from "../../util/Emitter";

type Action = "kick" | "ban";

/**
 * Whether we may remove this person, by the same rule the server enforces:
 * our role from the Welcome, theirs from the room state. Offering only what
 * the server would accept; it still decides from our session, not from this.
 */
export function mayRemove(connection: OfficeConnection, member: MemberSnapshot): boolean {
  const selfId = connection.selfId;
  const me = connection.member(selfId);
  // Our own account in another tab is us too.
  const isSelf = member.id === selfId || (me !== undefined && member.memberId === me.memberId);
  return canModerate(connection.welcome?.role, member.role, isSelf);
}

/**
 * "Kick" and "Ban" for one person, each behind an inline confirmation
 * ("Kick Ann?" with Confirm / Cancel) so a stray click or Enter removes no
 * one; none at all for people we may not remove (absent, not disabled, so a
 * screen reader never lands on a button that cannot work).
 */
export function moderationControls(connection: OfficeConnection, member: MemberSnapshot, disposables: Disposables): HTMLElement[] {
  if (!mayRemove(connection, member)) return [];
  const controls: HTMLElement[] = [];
  for (const action of ["kick", "ban"] as const) {
    const verb = action === "kick" ? "Kick" : "Ban";
    const open = button(verb, `${verb} ${member.name}`);
    const confirm = document.createElement("div");
    confirm.className = "person-confirm";
    confirm.setAttribute("role", "group");
    confirm.setAttribute("aria-label", `${verb} ${member.name}?`);
    confirm.hidden = true;
    const question = document.createElement("span");
    question.textContent = `${verb} ${member.name}?`;
    const yes = button(`Confirm ${action}`, `Confirm: ${verb.toLowerCase()} ${member.name}`);
    const no = button("Cancel", `Cancel ${action} of ${member.name}`);
    confirm.append(question, yes, no);
    const close = () => {
      confirm.hidden = true;
      open.focus();
    };
    disposables.listen(open, "click", () => {
      confirm.hidden = false;
      yes.focus();
    });
    disposables.listen(no, "click", close);
    disposables.listen(confirm, "keydown", (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      // Escape cancels the question only, not the whole actions group.
      event.stopPropagation();
      close();
    });
    disposables.listen(yes, "click", () => {
      confirm.hidden = true;
      send(connection, action, member.id);
    });
    controls.push(open, confirm);
  }
  return controls;
}

function send(connection: OfficeConnection, action: Action, target: string): void {
  connection.send(ClientMessage.Moderate, { action, target });
}

function button(text: string, label: string): HTMLButtonElement {
  const el = document.createElement("button");
  el.type = "button";
  el.textContent = text;
  el.setAttribute("aria-label", label);
  return el;
}
