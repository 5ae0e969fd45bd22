import type { AccountApi, AccountMember } from "../net/AccountApi";
import { ContinuePanel } from "./ContinuePanel";
import { GuestForm } from "./GuestForm";
import { JoinTabs } from "./JoinTabs";
import { SigninForm } from "./SigninForm";
import { SignupForm } from "./SignupForm";

/**
 * The join page: continue with the session this browser holds, or choose how
 * to come in (guest, sign in, new account). Every path ends with a session
 * cookie for this space; `enter` then joins the office room with it.
 */

export interface JoinPageOptions {
  space: string;
  /** From ?invite= in the address: redeemed when joining the space. */
  invite: string | null;
  api: AccountApi;
  storage: Storage | null;
  enter: (member: AccountMember) => Promise<void>;
  /** Walk straight back in with the session this browser holds (after a reload for a new map). */
  resume?: boolean;
}

export class JoinPage {
  private readonly card: HTMLElement;
  private readonly body: HTMLElement;
  private focusTarget: { focus(): void } | null = null;
  private tabs: JoinTabs | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: JoinPageOptions,
  ) {
    this.card = document.createElement("section");
    this.card.className = "join-card";
    this.card.setAttribute("aria-labelledby", "join-title");
    this.card.innerHTML = `<h2 id="join-title">Join the office</h2><p class="join-space">Space: <strong></strong></p>`;
    (this.card.querySelector(".join-space strong") as HTMLElement).textContent = options.space;
    this.body = document.createElement("div");
    this.card.append(this.body);
    container.append(this.card);
  }

  /** Asks the server who this browser is, then shows the matching choices. */
  async start(): Promise<void> {
    let member: AccountMember | null = null;
    try {
      member = await this.options.api.session();
    } catch {
      // The server is unreachable or broken: the choices still work once it is back.
    }
    if (member && this.options.resume) {
      try {
        await this.joinSpaceAndEnter(member);
        return;
      } catch {
        // Could not go straight back in: offer the usual choice, which says why if it fails again.
      }
    }
    if (member) this.showContinue(member);
    else this.showChoices();
    this.focus();
  }

  focus(): void {
    this.focusTarget?.focus();
  }

  hide(): void {
    this.card.hidden = true;
    this.container.hidden = true;
  }

  private showContinue(member: AccountMember): void {
    this.clear();
    const panel = new ContinuePanel(
      member,
      () => this.joinSpaceAndEnter(member),
      async () => {
        await this.options.api.signout();
        this.showChoices();
        this.focus();
      },
    );
    this.body.append(panel.element);
    this.focusTarget = panel;
  }

  private showChoices(): void {
    this.clear();
    const { api, space, storage } = this.options;
    const guest = new GuestForm(
      storage,
      async (choice) => this.options.enter(await api.guest(space, choice.name, choice.avatar, this.options.invite ?? undefined)),
      () => this.tabs?.select("signin", true),
    );
    const signin = new SigninForm(async (email, password) => this.joinSpaceAndEnter(await api.signin(email, password)));
    const signup = new SignupForm(async (request) => this.joinSpaceAndEnter(await api.signup(request)));
    this.tabs = new JoinTabs("How to join", [
      { id: "guest", label: "Guest", panel: guest.element },
      { id: "signin", label: "Sign in", panel: signin.element },
      { id: "signup", label: "Create account", panel: signup.element },
    ]);
    this.body.append(this.tabs.element);
    this.focusTarget = guest;
    void api.space(space).then(
      (info) => {
        if (!info.settings.guestAccess) guest.showGuestsRefused(info.name);
        if (info.awaitingOwner) this.body.prepend(firstOwnerNote());
      },
      () => undefined, // an unknown space or an unreachable server: joining says why
    );
  }

  private async joinSpaceAndEnter(member: AccountMember): Promise<void> {
    await this.options.api.joinSpace(this.options.space, this.options.invite ?? undefined);
    await this.options.enter(member);
  }

  private clear(): void {
    this.tabs?.dispose();
    this.tabs = null;
    this.body.replaceChildren();
  }
}

/** A fresh install: whoever creates the first account owns the office (server/admin/firstOwner.ts). */
function firstOwnerNote(): HTMLElement {
  const note = document.createElement("p");
  note.className = "join-note";
  note.dataset.firstOwner = "";
  note.textContent = "Nobody owns this office yet: the first account created here becomes its owner and can run it from the Admin page.";
  return note;
}
