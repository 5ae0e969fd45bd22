import type { MemberSnapshot } from "../../net/types";
import { Disposables } from "../../util/Emitter";
import type { TextView } from "../TextView";
import type { PeopleActions } from "./PeopleActions";

/**
 * The people panel's additions to the text view's People list: a search box
 * and, per person, an "Actions" button revealing Locate, Walk to, Follow,
 * Wave, Ring and Message (one tab stop per person until opened).
 */
export class PeoplePanel {
  private readonly disposables = new Disposables();
  private readonly followButtons = new Map<string, HTMLButtonElement>();

  constructor(
    private readonly actions: PeopleActions,
    private readonly openChat: (member: MemberSnapshot) => void,
    /** Further controls for a person (an owner's Kick and Ban), or none. */
    private readonly moreControls?: (member: MemberSnapshot, disposables: Disposables) => HTMLElement[],
  ) {
    this.disposables.add(
      actions.events.on("following", (id) => {
        for (const [memberId, button] of this.followButtons) {
          const on = memberId === id;
          button.textContent = on ? "Stop following" : "Follow";
          button.setAttribute("aria-pressed", String(on));
        }
      }),
    );
  }

  /** The search field; typing filters the list by name. */
  searchBox(textView: TextView): HTMLElement {
    const label = document.createElement("label");
    label.className = "people-search";
    const caption = document.createElement("span");
    caption.className = "visually-hidden";
    caption.textContent = "Search people";
    const input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Search people";
    input.autocomplete = "off";
    input.dataset.peopleSearch = "";
    this.disposables.listen(input, "input", () => textView.setFilter(input.value));
    label.append(caption, input);
    return label;
  }

  /** The controls of one person's row (TextViewSource.rowControls). */
  rowControls(member: MemberSnapshot): HTMLElement {
    const wrap = document.createElement("div");
    wrap.className = "person-actions";
    const toggle = button(`Actions`, `Actions for ${member.name}`);
    toggle.setAttribute("aria-expanded", "false");
    const group = document.createElement("div");
    group.className = "person-action-group";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", `Actions for ${member.name}`);
    group.hidden = true;
    const id = member.id;
    const follow = button("Follow", `Follow ${member.name}`);
    follow.setAttribute("aria-pressed", "false");
    this.followButtons.set(id, follow);
    const items: Array<[HTMLButtonElement, () => void]> = [
      [button("Locate", `Locate ${member.name}`), () => this.actions.locate(id)],
      [button("Walk to", `Walk to ${member.name}`), () => this.actions.walkTo(id)],
      [follow, () => (this.actions.following === id ? this.actions.stopFollowing() : this.actions.follow(id))],
      [button("Wave", `Wave at ${member.name}`), () => this.actions.wave(id)],
      [button("Ring", `Ring ${member.name} (ask them to come to you)`), () => this.actions.ring(id)],
      [button("Message", `Message ${member.name}`), () => this.openChat(member)],
    ];
    for (const [el, run] of items) {
      this.disposables.listen(el, "click", run);
      group.append(el);
    }
    group.append(...(this.moreControls?.(member, this.disposables) ?? []));
    this.disposables.listen(toggle, "click", () => {
      group.hidden = !group.hidden;
      toggle.setAttribute("aria-expanded", String(!group.hidden));
      if (!group.hidden) group.querySelector("button")?.focus();
    });
    this.disposables.listen(group, "keydown", (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      group.hidden = true;
      toggle.setAttribute("aria-expanded", "false");
      toggle.focus();
    });
    wrap.append(toggle, group);
    return wrap;
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

function button(text: string, label: string): HTMLButtonElement {
  const el = document.createElement("button");
  el.type = "button";
  el.textContent = text;
  if (label !== text) el.setAttribute("aria-label", label);
  return el;
}
