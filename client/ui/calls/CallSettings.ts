import { Disposables } from "../../util/Emitter";
import { describeCheck, runConnectionCheck } from "../../media/connectionCheck";
import type { DeviceKind, LocalMedia } from "../../media/LocalMedia";

/**
 * A small settings panel for calls: camera and microphone pickers (switching
 * swaps the track on every connection) and a connection check.
 */
export class CallSettings {
  private readonly disposables = new Disposables();
  private readonly toggle: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly selects = new Map<DeviceKind, HTMLSelectElement>();
  private readonly result: HTMLElement;
  private speaker: HTMLSelectElement | null = null;

  constructor(
    root: HTMLElement,
    private readonly media: LocalMedia,
    private readonly iceServers: () => RTCIceServer[],
    /** Where the call's sound plays (the speaker picker); absent where the page cannot choose. */
    private readonly output?: { current(): string; use(deviceId: string): Promise<boolean> },
  ) {
    this.toggle = document.createElement("button");
    this.toggle.type = "button";
    this.toggle.className = "call-button";
    this.toggle.textContent = "Call settings";
    this.toggle.setAttribute("aria-expanded", "false");
    this.panel = document.createElement("div");
    this.panel.className = "call-settings";
    this.panel.id = "call-settings";
    this.panel.hidden = true;
    this.panel.setAttribute("role", "group");
    this.panel.setAttribute("aria-label", "Call settings");
    this.toggle.setAttribute("aria-controls", this.panel.id);
    for (const [kind, label] of [["videoinput", "Camera"], ["audioinput", "Microphone"]] as const) {
      // The label stands beside (not around) the select, so the select's name is just "Camera"/"Microphone".
      const field = document.createElement("div");
      field.className = "call-field";
      const caption = document.createElement("label");
      caption.textContent = label;
      const select = document.createElement("select");
      select.id = `call-device-${kind}`;
      caption.htmlFor = select.id;
      select.dataset.kind = kind;
      field.append(caption, select);
      this.panel.append(field);
      this.selects.set(kind, select);
      this.disposables.listen(select, "change", () => void this.switchTo(kind, select.value));
    }
    if (output) {
      const field = document.createElement("div");
      field.className = "call-field";
      const caption = document.createElement("label");
      caption.textContent = "Speaker";
      this.speaker = document.createElement("select");
      this.speaker.id = "call-device-audiooutput";
      caption.htmlFor = this.speaker.id;
      field.append(caption, this.speaker);
      this.panel.append(field);
      const speaker = this.speaker;
      this.disposables.listen(speaker, "change", () => {
        void output
          .use(speaker.value)
          .then((ok) => (this.result.textContent = ok ? "Switched speaker." : "This browser plays calls on its default speaker only."))
          .catch((error: unknown) => (this.result.textContent = `Could not switch: ${error instanceof Error ? error.message : String(error)}`));
      });
    }
    const check = document.createElement("button");
    check.type = "button";
    check.textContent = "Connection check";
    this.result = document.createElement("p");
    this.result.setAttribute("role", "status");
    this.result.className = "call-check-result";
    this.panel.append(check, this.result);
    root.append(this.toggle, this.panel);
    this.disposables.add(() => {
      this.toggle.remove();
      this.panel.remove();
    });
    this.disposables.listen(this.toggle, "click", () => this.setOpen(this.panel.hidden));
    this.disposables.listen(check, "click", () => void this.check(check));
    const devices = navigator.mediaDevices;
    if (devices) this.disposables.listen(devices, "devicechange", () => void this.listDevices());
  }

  /** Opens the panel and moves the keyboard to it (from Settings' "Camera and microphone…"). */
  open(): void {
    this.setOpen(true);
    this.toggle.focus();
  }

  private setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.toggle.setAttribute("aria-expanded", String(open));
    if (open) void this.listDevices();
  }

  private async listDevices(): Promise<void> {
    const devices = await navigator.mediaDevices?.enumerateDevices().catch(() => []);
    for (const [kind, select] of this.selects) {
      const current = this.media.currentDeviceId(kind);
      const options = (devices ?? []).filter((d) => d.kind === kind && d.deviceId);
      select.replaceChildren(
        ...options.map((d, i) => {
          const option = document.createElement("option");
          option.value = d.deviceId;
          option.textContent = d.label || `${kind === "videoinput" ? "Camera" : "Microphone"} ${i + 1}`;
          option.selected = d.deviceId === current;
          return option;
        }),
      );
      // Without a track of this kind there is nothing to switch (adding one would need renegotiation).
      select.disabled = current === null || options.length < 2;
    }
    if (this.speaker && this.output) {
      const outputs = (devices ?? []).filter((d) => d.kind === "audiooutput");
      const current = this.output.current();
      this.speaker.replaceChildren(
        ...[{ deviceId: "", label: "System default" }, ...outputs.filter((d) => d.deviceId && d.deviceId !== "default")].map((d, i) => {
          const option = document.createElement("option");
          option.value = d.deviceId;
          option.textContent = d.label || `Speaker ${i}`;
          option.selected = d.deviceId === current;
          return option;
        }),
      );
    }
  }

  private async switchTo(kind: DeviceKind, deviceId: string): Promise<void> {
    try {
      await this.media.useDevice(kind, deviceId);
      this.result.textContent = `Switched ${kind === "videoinput" ? "camera" : "microphone"}.`;
    } catch (error) {
      this.result.textContent = `Could not switch: ${error instanceof Error ? error.message : String(error)}`;
      void this.listDevices();
    }
  }

  private async check(button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    this.result.textContent = "Checking…";
    try {
      const servers = this.iceServers();
      const result = await runConnectionCheck(servers);
      this.result.textContent = describeCheck(result, servers.length > 0);
      this.result.dataset.connected = String(result.connected);
    } finally {
      button.disabled = false;
    }
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
