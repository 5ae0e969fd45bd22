import { EMOTES, EMOTE_KINDS, type EmoteKind } from "../../shared/chat/emotes";
import { isTypingTarget, type KeyboardIntent } from "../systems/KeyboardIntent";
import { Disposables } from "../util/Emitter";

/**
 * Every keyboard shortcut of the page, declared once: what it does, which
 * key, what a touch screen offers instead. One keydown and one keyup
 * listener dispatch them; the help line and the "?" sheet are generated
 * from the same table, so they cannot drift from what the keys do.
 */

export type ActionId = "mic" | "camera" | "leave" | "people" | "map" | "chat" | "sit" | "shortcuts" | `emote:${EmoteKind}`;

export interface Shortcut {
  id: ActionId | "move";
  /** Keys as shown to people. */
  keys: string;
  does: string;
  /** What a touch screen offers instead (null: nothing needed). */
  touch: string | null;
  /** Key codes or keys that trigger it (KeyboardEvent.code first, then .key). */
  match?(event: KeyboardEvent): boolean;
  /** Also works while a text field has focus. */
  inFields?: boolean;
}

const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.altKey && !event.metaKey;

const MOVE_CODES: Record<string, true> = {
  ArrowLeft: true, ArrowRight: true, ArrowUp: true, ArrowDown: true, KeyW: true, KeyA: true, KeyS: true, KeyD: true,
};

export const SHORTCUTS: readonly Shortcut[] = [
  { id: "move", keys: "Arrow keys or WASD", does: "walk", touch: "Drag the joystick to walk" },
  { id: "sit", keys: "X", does: "sit at the nearest desk / stand up", touch: "Tap a chair to sit", match: (e) => plain(e) && e.code === "KeyX" },
  { id: "people", keys: "P", does: "people list", touch: "People tab", match: (e) => plain(e) && e.code === "KeyP" },
  { id: "chat", keys: "Enter", does: "chat (on the map)", touch: "Chat tab", match: (e) => plain(e) && e.key === "Enter" && e.target instanceof HTMLCanvasElement },
  { id: "map", keys: "Esc", does: "back to the map", touch: null, match: (e) => e.key === "Escape", inFields: false },
  { id: "mic", keys: "M", does: "microphone on/off", touch: "Microphone button", match: (e) => plain(e) && !e.repeat && e.code === "KeyM" },
  { id: "camera", keys: "V", does: "camera on/off", touch: "Camera button", match: (e) => plain(e) && !e.repeat && e.code === "KeyV" },
  { id: "leave", keys: "L", does: "leave the call (walk away and back to talk again)", touch: "Leave call button", match: (e) => plain(e) && !e.repeat && e.code === "KeyL" },
  ...EMOTE_KINDS.map(
    (kind): Shortcut => ({
      id: `emote:${kind}`,
      keys: `Alt+${EMOTES[kind].key}`,
      does: `emote: ${EMOTES[kind].label}`,
      touch: "Emote button",
      match: (e) => e.altKey && !e.ctrlKey && !e.metaKey && e.code === `Digit${EMOTES[kind].key}`,
    }),
  ),
  { id: "shortcuts", keys: "?", does: "all shortcuts", touch: "Shortcuts button", match: (e) => !e.ctrlKey && !e.metaKey && e.key === "?" },
];

/** The help line under the map: the essentials, in the words of the device at hand. */
export function helpLine(touch: boolean): string {
  if (touch) return "Tap the map or drag the joystick to walk · Tabs below: People, Chat, Meetups, Status · Shortcuts button: all controls";
  return "Move: arrow keys or WASD · Click a spot to walk there · P: people list · Enter: chat · Esc: back to the map · ?: all shortcuts";
}

export class Keymap {
  private readonly handlers = new Map<ActionId, () => void>();
  private readonly disposables = new Disposables();

  constructor(
    /** Held movement keys go here (the joystick feeds it directly, not through fake key events). */
    private readonly intent: KeyboardIntent,
    target: Window = window,
  ) {
    this.disposables.listen(target, "keydown", (event: KeyboardEvent) => this.down(event));
    // Key-up always releases, wherever focus went meanwhile, so keys never stick.
    this.disposables.listen(target, "keyup", (event: KeyboardEvent) => intent.release(event.code));
    this.disposables.listen(target, "blur", () => intent.clear());
    this.disposables.listen(target.document, "visibilitychange", () => intent.clear());
  }

  /** What an action does; a later registration replaces the earlier one. Returns its disposer. */
  on(id: ActionId, handler: () => void): () => void {
    this.handlers.set(id, handler);
    return () => {
      if (this.handlers.get(id) === handler) this.handlers.delete(id);
    };
  }

  dispose(): void {
    this.disposables.dispose();
    this.handlers.clear();
    this.intent.clear();
  }

  private down(event: KeyboardEvent): void {
    // A modal dialog (settings, the shortcut sheet) keeps its keys: Escape closes it, arrows move
    // between its radio buttons, and nothing walks or toggles the microphone behind it.
    if (inModalDialog(event.target)) return;
    const typing = isTypingTarget(event.target);
    if (MOVE_CODES[event.code] && plain(event) && !typing) {
      event.preventDefault(); // arrows would otherwise scroll the page
      this.intent.press(event.code);
      return;
    }
    for (const shortcut of SHORTCUTS) {
      if (!shortcut.match?.(event) || shortcut.id === "move") continue;
      // Escape leaves a text field for the map; every other shortcut leaves typing alone.
      if (typing && shortcut.id !== "map") continue;
      const handler = this.handlers.get(shortcut.id);
      if (!handler) continue;
      event.preventDefault();
      handler();
      return;
    }
  }
}

function inModalDialog(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  return (target as Element).closest("dialog")?.matches(":modal") ?? false;
}
