import { DISPLAY_NAME_MAX } from "../../../shared/protocol/limits";
import { ClientMessage } from "../../../shared/protocol/names";
import { HEARING_TILES_MAX, HEARING_TILES_MIN } from "../../../shared/rules/hearing";
import type { AccountApi, AccountMember } from "../../net/AccountApi";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables } from "../../util/Emitter";
import { AvatarPicker } from "../AvatarPicker";
import { button, el } from "../dom";
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
      /** Opens the call settings (camera, microphone, speaker), which the call controls own. */
      openDevices?(): void;
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

    const name = el("input", { name: "name", required: "", maxlength: String(DISPLAY_NAME_MAX) });
    name.value = self?.name ?? this.options.member.displayName;
    const picker = new AvatarPicker(self?.avatar ?? this.options.member.avatar, "Look");
    const hearing = el("input", { type: "range", min: String(HEARING_MIN), max: String(HEARING_MAX) });
    hearing.value = String(prefs.hearingTiles ?? HEARING_MAX);
    const hearingValue = el("output", {}, hearing.value);
    hearing.addEventListener("input", () => (hearingValue.textContent = hearing.value));

    const theme = el("fieldset", { class: "choice-row" }, el("legend", {}, "Appearance"));
    const themeLabels: Record<Theme, string> = { system: " Match this device", dark: " Dark", light: " Light" };
    for (const [value, label] of Object.entries(themeLabels)) {
      const radio = el("input", { type: "radio", name: "theme", value });
      radio.checked = prefs.theme === value;
      theme.append(el("label", {}, radio, label));
    }

    const notify = el("input", { type: "checkbox", name: "notify" });
    notify.checked = prefs.notify === true;
    const notifyField = el("label", { class: "field" }, notify, " Notify me when this tab is hidden (never while in Focus)");

    const devices = button("Camera and microphone…", () => {
      // The call controls own the device picker; open it there rather than keeping a second one.
      this.dialog.close();
      this.options.openDevices?.();
    });

    const error = el("p", { class: "form-error", role: "alert" });
    const form = el(
      "form",
      { method: "dialog" },
      el("h2", { id: "settings-heading" }, "Settings"),
      el("label", { class: "field" }, "Name", name),
      picker.element,
      el("label", { class: "field" }, "How far you hear (tiles)", hearing, hearingValue),
      theme,
      notifyField,
      devices,
      error,
      el("div", { class: "dialog-actions" }, el("button", { type: "submit" }, "Save"), button("Cancel", () => this.dialog.close())),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosenTheme = (form.querySelector<HTMLInputElement>("input[name=theme]:checked")?.value ?? "system") as Theme;
      void this.save(name.value.trim(), picker.value, chosenTheme, Number(hearing.value), error, notify.checked);
    });
    this.dialog.replaceChildren(form);
    this.dialog.showModal();
    name.focus();
  }

  private async save(name: string, avatar: string, theme: Theme, hearingTiles: number, error: HTMLElement, notify = false): Promise<void> {
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
    // Asking for the browser's permission only when someone opts in, from their click.
    if (notify && typeof Notification !== "undefined" && Notification.permission === "default") void Notification.requestPermission();
    savePreferences(storage, { theme, hearingTiles: hearing, notify });
    applyTheme(theme);
    this.dialog.close();
    this.options.announce("Settings saved");
    this.button.focus();
  }
}
