import { effect, type ReadonlySignal } from "@preact/signals";
import type { Conversation } from "../../net/OfficeConnection";

/**
 * The "Leave call" button (issue 16): hangs up on the current conversation
 * without walking away; the room keeps us out of it until we (or they) walk
 * apart. Shown only while we are in an ordinary conversation: a stage is left
 * by walking off it. Rendered from the page state's conversation signal.
 */
export class LeaveCallButton {
  readonly element: HTMLButtonElement;
  private readonly stopRender: () => void;

  constructor(root: HTMLElement, conversation: ReadonlySignal<Conversation | null>, leave: () => void) {
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
      el.hidden = !LeaveCallButton.canLeave(conversation.value);
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
