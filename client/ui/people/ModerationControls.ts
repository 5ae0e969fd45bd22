import { canModerate } from "../../../shared/moderation/canModerate";
import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import type { MemberSnapshot } from "../../net/types";
import type { Disposables } from "../../util/Emitter";

type Action = "kick" | "ban";

/**
 * Whether we may remove this person, by the same rule the server enforces:
 * both roles from the room state (ours there follows a change an owner makes
 * while we are in; the Welcome's until our own entry arrives). Offering only
 * what the server would accept; it still decides from our session, not from this.
 */
export function mayRemove(connection: OfficeConnection, member: MemberSnapshot): boolean {
  const selfId = connection.selfId;
  const me = connection.member(selfId);
  // Our own account in another tab is us too.
  const isSelf = member.id === selfId || (me !== undefined && member.memberId === me.memberId);
  return canModerate(me?.role || connection.welcome?.role, member.role, isSelf);
}

/**
 * "Kick" and "Ban" for one person, each behind an inline confirmation
 * ("Kick Ann?" with Confirm / Cancel) so a stray click or Enter removes no
 * one; hidden for people we may not remove (absent to a screen reader, not
 * disabled, so it never lands on a button that cannot work). Made once per
 * row, they appear and go as our role or theirs changes in the room.
 */
export function moderationControls(connection: OfficeConnection, member: MemberSnapshot, disposables: Disposables): HTMLElement[] {
  const controls: HTMLElement[] = [];
  const openers: HTMLButtonElement[] = [];
  const questions: HTMLElement[] = [];
  let shown: boolean | null = null;
  const update = () => {
    const current = connection.member(member.id);
    if (!current) return;
    const may = mayRemove(connection, current);
    if (may === shown) return;
    shown = may;
    for (const open of openers) open.hidden = !may;
    if (!may) for (const q of questions) q.hidden = true;
  };
  const offChanged = connection.events.on("memberChanged", (changed) => {
    if (changed.id === member.id || changed.id === connection.selfId) update();
  });
  const offRemoved = connection.events.on("memberRemoved", (gone) => {
    if (gone.id !== member.id) return;
    offChanged();
    offRemoved();
  });
  disposables.add(() => {
    offChanged();
    offRemoved();
  });
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
    openers.push(open);
    questions.push(confirm);
    controls.push(open, confirm);
  }
  shown = null;
  for (const open of openers) open.hidden = true;
  update();
  // Before our own entry is known: the rule with the Welcome's role alone.
  if (shown === null) {
    shown = mayRemove(connection, member);
    for (const open of openers) open.hidden = !shown;
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
