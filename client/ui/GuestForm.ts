import { DISPLAY_NAME_MAX } from "../../shared/protocol/limits";
import { AvatarPicker } from "./AvatarPicker";
import { ActionForm, addField } from "./formParts";

/** Entering as a guest: a name and a look; remembered for next time. */

export interface GuestChoice {
  name: string;
  avatar: string;
}

const NAME_KEY = "deskmap.name";
const AVATAR_KEY = "deskmap.avatar";

export class GuestForm {
  readonly element: HTMLFormElement;
  private readonly form = new ActionForm("Join as guest", "Joining…", "Could not join");
  private readonly nameInput: HTMLInputElement;
  private readonly picker: AvatarPicker;
  private readonly signinOffer: HTMLButtonElement;

  constructor(
    private readonly storage: Storage | null,
    onJoin: (choice: GuestChoice) => Promise<void>,
    /** Called when a refused guest chooses to sign in instead. */
    onSigninInstead: () => void,
  ) {
    this.element = this.form.element;
    this.element.setAttribute("aria-label", "Join as a guest");
    this.nameInput = addField(this.element, { id: "join-name", label: "Your name", autocomplete: "nickname", maxLength: DISPLAY_NAME_MAX });
    this.nameInput.value = read(storage, NAME_KEY) ?? "";
    this.picker = new AvatarPicker(read(storage, AVATAR_KEY));
    this.element.append(this.picker.element);
    this.signinOffer = document.createElement("button");
    this.signinOffer.type = "button";
    this.signinOffer.className = "link-button";
    this.signinOffer.textContent = "Sign in instead";
    this.signinOffer.hidden = true;
    this.signinOffer.addEventListener("click", onSigninInstead);
    this.form.finish(
      async () => {
        this.signinOffer.hidden = true;
        const choice = { name: this.nameInput.value, avatar: this.picker.value };
        await onJoin(choice);
        write(storage, NAME_KEY, choice.name.trim());
        write(storage, AVATAR_KEY, choice.avatar);
      },
      (error) => {
        // 403: this space admits no guests; an account may still get in.
        if ((error as { status?: unknown })?.status === 403) this.signinOffer.hidden = false;
        this.nameInput.focus();
      },
    );
    this.form.alert.after(this.signinOffer);
  }

  /** Says up front that this space admits no guests, before anyone types a name. */
  showGuestsRefused(spaceName: string): void {
    const note = document.createElement("p");
    note.className = "join-note";
    note.textContent = `${spaceName} does not admit guests: sign in or create an account to join.`;
    this.element.prepend(note);
    this.signinOffer.hidden = false;
  }

  focus(): void {
    this.nameInput.focus();
  }
}

function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null; // storage may be disabled (private mode); remembering is a nicety
  }
}

function write(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // ignore: see read()
  }
}
