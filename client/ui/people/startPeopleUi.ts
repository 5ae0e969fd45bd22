import "./people.css";
import type { OfficeView } from "../../scenes/OfficeScene";
import type { AccountApi, AccountMember } from "../../net/AccountApi";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { TouchJoystick } from "../../input/TouchJoystick";
import { Emotes } from "../../systems/Emotes";
import { isTypingTarget } from "../../systems/KeyboardIntent";
import { Disposables } from "../../util/Emitter";
import { ChatPanel } from "../chat/ChatPanel";
import { SettingsDialog } from "../settings/SettingsDialog";
import type { TextView } from "../TextView";
import { PeopleActions } from "./PeopleActions";
import { PeoplePanel } from "./PeoplePanel";
import { moderationControls } from "./ModerationControls";
import { SocialNotices } from "./SocialNotices";

export interface PeopleUiOptions {
  connection: OfficeConnection;
  view: () => OfficeView | null;
  /** The panel (aside) that holds the text view; chat goes below the People list. */
  panel: HTMLElement;
  /** Where the Settings button goes (the top bar). */
  toolbar: HTMLElement;
  /** The map's container: emotes and the touch joystick sit over it. */
  stage: HTMLElement;
  api: AccountApi;
  member: AccountMember;
  storage: Storage | null;
  /** Opens the side panel (it may be collapsed). */
  showPanel(): void;
  panelVisible(): boolean;
}

/**
 * Finding and reaching people (issue 9): builds the people panel's actions
 * into the text view, chat, notices, emotes, settings and the touch joystick.
 * Returns the TextView source hook and a disposer.
 */
export function startPeopleUi(options: PeopleUiOptions) {
  const disposables = new Disposables();
  const { connection } = options;
  let textView: TextView | null = null;
  const announce = (text: string) => textView?.announce(text);

  const actions = new PeopleActions(connection, options.view);
  const chat = new ChatPanel(connection, options.panelVisible, announce);
  options.panel.append(chat.element);
  const panel = new PeoplePanel(actions, (member) => {
    options.showPanel();
    chat.openThread(member.memberId, member.name);
  }, (member, owned) => moderationControls(connection, member, owned));
  const notices = document.createElement("div");
  notices.setAttribute("role", "region");
  notices.setAttribute("aria-label", "Notices");
  options.stage.append(notices);
  const social = new SocialNotices(notices, connection, announce);
  const layer = document.createElement("div");
  options.stage.append(layer);
  const emotes = new Emotes(layer, connection, options.view, (kind) => actions.emote(kind), announce);
  const settings = new SettingsDialog(options.toolbar, {
    connection,
    api: options.api,
    member: options.member,
    storage: options.storage,
    announce,
  });
  const joystick = matchMedia("(pointer: coarse)").matches ? new TouchJoystick(options.stage) : null;

  // Enter on the map opens chat; the panel's own controls keep their keys.
  disposables.listen(window, "keydown", (event: KeyboardEvent) => {
    if (event.key !== "Enter" || event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
    if (!(event.target instanceof HTMLCanvasElement)) return;
    event.preventDefault();
    options.showPanel();
    chat.focusInput();
  });
  const seen = setInterval(() => {
    if (options.panelVisible()) chat.seen();
  }, 1000);
  disposables.add(() => clearInterval(seen));

  disposables.add(() => {
    actions.dispose();
    chat.dispose();
    panel.dispose();
    social.dispose();
    emotes.dispose();
    settings.dispose();
    joystick?.dispose();
    notices.remove();
    layer.remove();
  });

  return {
    /** For TextViewSource.rowControls. */
    rowControls: panel.rowControls.bind(panel),
    /** Connects the text view once built (search box, announcements). */
    attach(view: TextView, searchHost: HTMLElement): void {
      textView = view;
      searchHost.prepend(panel.searchBox(view));
    },
    dispose: () => disposables.dispose(),
  };
}
