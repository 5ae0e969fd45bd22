import { ActionForm, addField } from "./formParts";

/** Signing in to an existing account with email and password. */
export class SigninForm {
  readonly element: HTMLFormElement;
  private readonly form = new ActionForm("Sign in", "Signing in…", "Could not sign in");
  private readonly email: HTMLInputElement;

  constructor(onSignin: (email: string, password: string) => Promise<void>) {
    this.element = this.form.element;
    this.element.setAttribute("aria-label", "Sign in");
    this.email = addField(this.element, { id: "signin-email", label: "Email", type: "email", autocomplete: "username" });
    const password = addField(this.element, { id: "signin-password", label: "Password", type: "password", autocomplete: "current-password" });
    this.form.finish(
      () => onSignin(this.email.value, password.value),
      () => {
        password.value = "";
        password.focus();
      },
    );
  }

  focus(): void {
    this.email.focus();
  }
}
