import { AVATAR_FRAME, AVATAR_IDS } from "../../shared/avatars";
import { DISPLAY_NAME_MAX } from "../../shared/protocol/limits";
import { Disposables } from "../util/Emitter";

/**
 * The join form: name, avatar look, Join. It remembers the last choice and
 * shows the server's reason when a join is refused. Validation is the
 * server's job; the form only reports what it says.
 */

export interface JoinChoice {
  name: string;
  avatar: string;
}

const NAME_KEY = "deskmap.name";
const AVATAR_KEY = "deskmap.avatar";

export class JoinForm {
  readonly element: HTMLFormElement;
  private readonly nameInput: HTMLInputElement;
  private readonly button: HTMLButtonElement;
  private readonly alert: HTMLElement;
  private readonly disposables = new Disposables();

  constructor(
    container: HTMLElement,
    space: string,
    private readonly storage: Storage | null,
    private readonly onJoin: (choice: JoinChoice) => Promise<void>,
  ) {
    const form = document.createElement("form");
    form.className = "join-card";
    form.noValidate = true;
    form.setAttribute("aria-labelledby", "join-title");
    form.innerHTML = `
      <h2 id="join-title">Join the office</h2>
      <p class="join-space">Space: <strong></strong></p>
      <label class="field-label" for="join-name">Your name</label>
      <input id="join-name" name="name" type="text" autocomplete="nickname" maxlength="${DISPLAY_NAME_MAX}" spellcheck="false" />
      <fieldset class="avatar-picker">
        <legend class="field-label">Your look</legend>
        <div class="avatar-grid"></div>
      </fieldset>
      <p class="join-error" role="alert"></p>
      <button type="submit" class="join-button">Join</button>`;
    (form.querySelector(".join-space strong") as HTMLElement).textContent = space;
    this.nameInput = form.querySelector("#join-name") as HTMLInputElement;
    this.button = form.querySelector("button[type=submit]") as HTMLButtonElement;
    this.alert = form.querySelector("[role=alert]") as HTMLElement;
    const grid = form.querySelector(".avatar-grid") as HTMLElement;
    const savedAvatar = this.read(AVATAR_KEY);
    const chosen = AVATAR_IDS.includes(savedAvatar as never) ? savedAvatar : AVATAR_IDS[0];
    for (const id of AVATAR_IDS) grid.append(avatarOption(id, id === chosen));
    this.nameInput.value = this.read(NAME_KEY) ?? "";
    this.disposables.listen(form, "submit", (event: SubmitEvent) => {
      event.preventDefault();
      void this.submit();
    });
    container.append(form);
    this.element = form;
  }

  focus(): void {
    this.nameInput.focus();
  }

  showError(message: string): void {
    this.alert.textContent = message;
  }

  hide(): void {
    this.element.hidden = true;
    (this.element.parentElement as HTMLElement).hidden = true;
  }

  dispose(): void {
    this.disposables.dispose();
    this.element.remove();
  }

  private async submit(): Promise<void> {
    const picked = this.element.querySelector<HTMLInputElement>("input[name=avatar]:checked");
    const choice = { name: this.nameInput.value, avatar: picked?.value ?? AVATAR_IDS[0] };
    this.showError("");
    this.button.disabled = true;
    this.button.textContent = "Joining…";
    try {
      await this.onJoin(choice);
      this.write(NAME_KEY, choice.name.trim());
      this.write(AVATAR_KEY, choice.avatar);
    } catch (error) {
      this.showError(joinErrorText(error));
      this.nameInput.focus();
    } finally {
      this.button.disabled = false;
      this.button.textContent = "Join";
    }
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null; // storage may be disabled (private mode); remembering is a nicety
    }
  }

  private write(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // ignore: see read()
    }
  }
}

function avatarOption(id: string, checked: boolean): HTMLElement {
  const label = document.createElement("label");
  label.className = "avatar-option";
  const input = document.createElement("input");
  input.type = "radio";
  input.name = "avatar";
  input.value = id;
  input.checked = checked;
  const preview = document.createElement("span");
  preview.className = "avatar-preview";
  preview.setAttribute("aria-hidden", "true");
  // Column 0 of row 0 is the idle frame facing the viewer: show just that cell, scaled 2×.
  preview.style.backgroundImage = `url("/assets/avatars/${id}.png")`;
  preview.style.backgroundSize = `${AVATAR_FRAME.width * AVATAR_FRAME.columns * 2}px ${AVATAR_FRAME.height * AVATAR_FRAME.rows * 2}px`;
  const name = document.createElement("span");
  name.className = "avatar-name";
  name.textContent = displayAvatarName(id);
  label.append(input, preview, name);
  return label;
}

export function displayAvatarName(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/** The server's reason, without transport noise, e.g. "name: must not be empty". */
export function joinErrorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const message = raw.trim();
  if (!message) return "Could not join the office. Check your connection and try again.";
  return `Could not join: ${message}`;
}
