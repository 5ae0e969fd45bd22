import { Disposables } from "../util/Emitter";

/** Small building blocks the join page's forms share: labelled fields, an alert, a busy submit button. */

export interface FieldSpec {
  id: string;
  label: string;
  type?: "text" | "email" | "password";
  autocomplete: string;
  maxLength?: number;
  /** Shown under the field and tied to it with aria-describedby. */
  hint?: string;
}

export function addField(parent: HTMLElement, spec: FieldSpec): HTMLInputElement {
  const label = document.createElement("label");
  label.className = "field-label";
  label.htmlFor = spec.id;
  label.textContent = spec.label;
  const input = document.createElement("input");
  input.id = spec.id;
  input.className = "text-field";
  input.type = spec.type ?? "text";
  input.autocomplete = spec.autocomplete as AutoFill;
  input.spellcheck = false;
  if (spec.maxLength) input.maxLength = spec.maxLength;
  parent.append(label, input);
  if (spec.hint) {
    const hint = document.createElement("p");
    hint.className = "field-hint";
    hint.id = `${spec.id}-hint`;
    hint.textContent = spec.hint;
    input.setAttribute("aria-describedby", hint.id);
    parent.append(hint);
  }
  return input;
}

/**
 * A form with an alert and a submit button that shows progress. `action`
 * throws to refuse; its message (prefixed) lands in the role="alert" element.
 */
export class ActionForm {
  readonly element: HTMLFormElement;
  readonly alert: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly disposables = new Disposables();

  constructor(
    private readonly buttonText: string,
    private readonly busyText: string,
    private readonly failurePrefix: string,
  ) {
    this.element = document.createElement("form");
    this.element.noValidate = true;
    this.alert = document.createElement("p");
    this.alert.className = "join-error";
    this.alert.setAttribute("role", "alert");
    this.button = document.createElement("button");
    this.button.type = "submit";
    this.button.className = "join-button";
    this.button.textContent = buttonText;
  }

  /** Appends the alert and the button after the fields, and runs `action` on submit. */
  finish(action: () => Promise<void>, onError?: (error: unknown) => void): void {
    this.element.append(this.alert, this.button);
    this.disposables.listen(this.element, "submit", (event: SubmitEvent) => {
      event.preventDefault();
      if (!this.button.disabled) void this.run(action, onError);
    });
  }

  showError(message: string): void {
    this.alert.textContent = message;
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private async run(action: () => Promise<void>, onError?: (error: unknown) => void): Promise<void> {
    this.showError("");
    this.button.disabled = true;
    this.button.textContent = this.busyText;
    try {
      await action();
    } catch (error) {
      this.showError(failureText(this.failurePrefix, error));
      onError?.(error);
    } finally {
      this.button.disabled = false;
      this.button.textContent = this.buttonText;
    }
  }
}

/** "Could not sign in: email or password is incorrect"; a generic hint when the error says nothing. */
export function failureText(prefix: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const message = raw.trim();
  if (!message) return `${prefix}. Check your connection and try again.`;
  return `${prefix}: ${message}`;
}
