import { AVATAR_FRAME, AVATAR_IDS } from "../../shared/avatars";

/** A labelled group of radio buttons, one per avatar look, each with a preview of its idle frame. */
export class AvatarPicker {
  readonly element: HTMLFieldSetElement;

  constructor(chosen: string | null, legend = "Your look") {
    const fieldset = document.createElement("fieldset");
    fieldset.className = "avatar-picker";
    const caption = document.createElement("legend");
    caption.className = "field-label";
    caption.textContent = legend;
    const grid = document.createElement("div");
    grid.className = "avatar-grid";
    const initial = AVATAR_IDS.includes(chosen as never) ? chosen : AVATAR_IDS[0];
    for (const id of AVATAR_IDS) grid.append(avatarOption(id, id === initial));
    fieldset.append(caption, grid);
    this.element = fieldset;
  }

  get value(): string {
    return this.element.querySelector<HTMLInputElement>("input[name=avatar]:checked")?.value ?? AVATAR_IDS[0];
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
