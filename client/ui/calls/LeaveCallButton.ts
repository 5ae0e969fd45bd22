import { effect, type ReadonlySignal } from "@preact/signals";
import type { Conversation } from "../../net/OfficeConnection";

/**
 * The "Leave call" button (issue 16): hangs up on the current conversation
 * without walking away; the room keeps us out of it until we (or they) walk
 * apart. Shown only while we are in an ordinary conversation: a stage is left
 * by walking off it. Rendered from the page state's conversation signal.
 * When the call ends with focus on the button, focus goes to the map (not to
 * <body>, where the next arrow key would scroll the page instead of walking).
 */
export class LeaveCallButton {
  readonly element: HTMLButtonElement;
  private readonly stopRender: () => void;

  constructor(
    root: HTMLElement,
    conversation: ReadonlySignal<Conversation | null>,
    leave: () => void,
    focusMap: () => void = () => undefined,
  ) {
    const el = document.createElement("button");
    el.type = "button";
    el.className = "call-button call-leave";
    el.textContent = "Leave call";
    el.title = "Leave this conversation (L); walk away and back to talk again";
    el.setAttribute("aria-keyshortcuts", "L");
    el.dataset.leaveCall = "";
    el.addEventListener("click", leave);
    this.element = el;
    root.append(el);
    this.stopRender = effect(() => {
      const hide = !LeaveCallButton.canLeave(conversation.value);
      // Read before hiding: a hidden element drops focus and the browser forgets who had it.
      const hadFocus = hide && !el.hidden && document.activeElement === el;
      el.hidden = hide;
      if (hadFocus) focusMap();
    });
  }

  /** Whether there is a call the button (or the L key) can leave. */
  static canLeave(conversation: Conversation | null): boolean {
    return !!conversation?.groupId && conversation.stage === undefined;
  }

  dispose(): void {
    this.stopRender();
    this.element.remove();
  }
}
