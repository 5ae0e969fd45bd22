import { DISPLAY_NAME_MAX } from "../../shared/protocol/limits";
import type { SignupRequest } from "../net/AccountApi";
import { AvatarPicker } from "./AvatarPicker";
import { ActionForm, addField } from "./formParts";

/** The server's rule, repeated as a hint; the server still decides. */
export const PASSWORD_MIN = 10;

/** Creating an account: email, password, the name others see, and a look. */
export class SignupForm {
  readonly element: HTMLFormElement;
  private readonly form = new ActionForm("Create account", "Creating…", "Could not create the account");
  private readonly email: HTMLInputElement;

  constructor(onSignup: (request: SignupRequest) => Promise<void>) {
    this.element = this.form.element;
    this.element.setAttribute("aria-label", "Create an account");
    this.email = addField(this.element, { id: "signup-email", label: "Email", type: "email", autocomplete: "email" });
    const password = addField(this.element, {
      id: "signup-password",
      label: "Password",
      type: "password",
      autocomplete: "new-password",
      hint: `At least ${PASSWORD_MIN} characters.`,
    });
    const name = addField(this.element, { id: "signup-name", label: "Display name", autocomplete: "nickname", maxLength: DISPLAY_NAME_MAX });
    const picker = new AvatarPicker(null);
    this.element.append(picker.element);
    this.form.finish(
      () => onSignup({ email: this.email.value.trim(), password: password.value, displayName: name.value, avatar: picker.value }),
      () => this.email.focus(),
    );
  }

  focus(): void {
    this.email.focus();
  }
}
