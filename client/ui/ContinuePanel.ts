import type { AccountMember } from "../net/AccountApi";
import { ActionForm } from "./formParts";

/** Shown when the browser already holds a session: carry on as that person, or sign out. */
export class ContinuePanel {
  readonly element: HTMLElement;
  private readonly form: ActionForm;

  constructor(member: AccountMember, onContinue: () => Promise<void>, onSignout: () => Promise<void>) {
    this.element = document.createElement("section");
    this.element.setAttribute("aria-label", "Signed in");
    const who = document.createElement("p");
    who.className = "join-who";
    who.textContent = member.guest ? `You are here as the guest ${member.displayName}.` : `Signed in as ${member.displayName} (${member.email ?? ""}).`;
    this.form = new ActionForm(`Continue as ${member.displayName}`, "Joining…", "Could not join");
    this.form.finish(onContinue);
    const signout = new ActionForm("Sign out", "Signing out…", "Could not sign out");
    signout.element.classList.add("signout-form");
    signout.finish(onSignout);
    this.element.append(who, this.form.element, signout.element);
  }

  focus(): void {
    this.form.element.querySelector("button")?.focus();
  }
}
