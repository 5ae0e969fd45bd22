import { DISPLAY_NAME_MAX } from "../../../shared/protocol/limits";
import { ClientMessage } from "../../../shared/protocol/names";
import { HEARING_TILES_MAX, HEARING_TILES_MIN } from "../../../shared/rules/hearing";
import type { AccountApi, AccountMember } from "../../net/AccountApi";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables } from "../../util/Emitter";
import { AvatarPicker } from "../AvatarPicker";
import { applyTheme, clampHearing, loadPreferences, savePreferences, type Theme } from "./preferences";

/** Hearing distance bounds offered, in tiles (the conversation server's radius is the space's). */
const HEARING_MIN = HEARING_TILES_MIN;
const HEARING_MAX = HEARING_TILES_MAX;

/**
 * Settings: name and look (saved on the member and shown on your name tag at
 * once), how far you hear, light or dark, and a way to the call device picker.
 */
export class SettingsDialog {
  readonly button: HTMLButtonElement;
  private readonly dialog: HTMLDialogElement;
  private readonly disposables = new Disposables();

  constructor(
    host: HTMLElement,
    private readonly options: {
      connection: OfficeConnection;
      api: AccountApi;
      member: AccountMember;
      storage: Storage | null;
      announce(text: string): void;
    },
  ) {
    const stored = loadPreferences(options.storage);
    applyTheme(stored.theme);
    // The member's saved distance wins over this browser's copy (which stays the fallback offline).
    if (typeof options.member.hearingTiles === "number" && options.member.hearingTiles !== stored.hearingTiles) {
      savePreferences(options.storage, { ...stored, hearingTiles: options.member.hearingTiles });
    }
    this.button = document.createElement("button");
    this.button.type = "button";
    this.button.className = "settings-button";
    this.button.textContent = "Settings";
    this.button.setAttribute("aria-haspopup", "dialog");
    this.dialog = document.createElement("dialog");
    this.dialog.className = "settings-dialog";
    this.dialog.setAttribute("aria-labelledby", "settings-heading");
    host.append(this.button);
    document.body.append(this.dialog);
    this.disposables.listen(this.button, "click", () => this.open());
  }

  dispose(): void {
    this.disposables.dispose();
    this.button.remove();
    this.dialog.remove();
  }

  open(): void {
    const { connection, storage } = this.options;
    const self = connection.member(connection.selfId);
    const prefs = loadPreferences(storage);
    const form = document.createElement("form");
    form.method = "dialog";
    const heading = document.createElement("h2");
    heading.id = "settings-heading";
    heading.textContent = "Settings";

    const nameLabel = document.createElement("label");
    nameLabel.className = "field";
    nameLabel.textContent = "Name";
    const name = document.createElement("input");
    name.name = "name";
    name.required = true;
    name.maxLength = DISPLAY_NAME_MAX;
    name.value = self?.name ?? this.options.member.displayName;
    nameLabel.append(name);

    const picker = new AvatarPicker(self?.avatar ?? this.options.member.avatar, "Look");

    const hearingLabel = document.createElement("label");
    hearingLabel.className = "field";
    hearingLabel.textContent = "How far you hear (tiles)";
    const hearing = document.createElement("input");
    hearing.type = "range";
    hearing.min = String(HEARING_MIN);
    hearing.max = String(HEARING_MAX);
    hearing.value = String(prefs.hearingTiles ?? HEARING_MAX);
    const hearingValue = document.createElement("output");
    hearingValue.textContent = hearing.value;
    hearing.addEventListener("input", () => (hearingValue.textContent = hearing.value));
    hearingLabel.append(hearing, hearingValue);

    const theme = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = "Appearance";
    theme.append(legend);
    for (const value of ["dark", "light"] as const) {
      const label = document.createElement("label");
      const radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "theme";
      radio.value = value;
      radio.checked = prefs.theme === value;
      label.append(radio, document.createTextNode(value === "dark" ? " Dark" : " Light"));
      theme.append(label);
    }

    const devices = document.createElement("button");
    devices.type = "button";
    devices.textContent = "Camera and microphone…";
    devices.addEventListener("click", () => {
      // The call controls own the device picker; open it there rather than keeping a second one.
      this.dialog.close();
      const toggle = document.querySelector<HTMLButtonElement>('[aria-controls="call-settings"]');
      if (toggle?.getAttribute("aria-expanded") !== "true") toggle?.click();
      toggle?.focus();
    });

    const error = document.createElement("p");
    error.className = "form-error";
    error.setAttribute("role", "alert");
    const actions = document.createElement("div");
    actions.className = "dialog-actions";
    const save = document.createElement("button");
    save.type = "submit";
    save.textContent = "Save";
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.textContent = "Cancel";
    cancel.addEventListener("click", () => this.dialog.close());
    actions.append(save, cancel);
    form.append(heading, nameLabel, picker.element, hearingLabel, theme, devices, error, actions);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosenTheme = (form.querySelector<HTMLInputElement>("input[name=theme]:checked")?.value ?? "dark") as Theme;
      void this.save(name.value.trim(), picker.value, chosenTheme, Number(hearing.value), error);
    });
    this.dialog.replaceChildren(form);
    this.dialog.showModal();
    name.focus();
  }

  private async save(name: string, avatar: string, theme: Theme, hearingTiles: number, error: HTMLElement): Promise<void> {
    const { connection, api, member, storage } = this.options;
    const self = connection.member(connection.selfId);
    if (!name) {
      error.textContent = "Name must not be empty";
      return;
    }
    const changed: { displayName?: string; avatar?: string; hearingTiles?: number } = {};
    const hearing = clampHearing(hearingTiles, HEARING_MIN, HEARING_MAX);
    if (name !== (self?.name ?? member.displayName)) changed.displayName = name;
    if (avatar !== (self?.avatar ?? member.avatar)) changed.avatar = avatar;
    if (hearing !== member.hearingTiles) changed.hearingTiles = hearing;
    try {
      if (Object.keys(changed).length > 0) {
        // Accounts and guests alike are members: the profile is saved before the room is told.
        const saved = await api.updateProfile(changed);
        member.displayName = saved.displayName;
        member.avatar = saved.avatar;
        member.hearingTiles = saved.hearingTiles;
        if (changed.displayName !== undefined || changed.avatar !== undefined) {
          connection.send(ClientMessage.SetProfile, { name: saved.displayName, avatar: saved.avatar as never });
        }
      }
    } catch (err) {
      error.textContent = (err as Error).message;
      return;
    }
    savePreferences(storage, { theme, hearingTiles: hearing });
    applyTheme(theme);
    this.dialog.close();
    this.options.announce("Settings saved");
    this.button.focus();
  }
}
