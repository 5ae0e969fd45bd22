import "./people.css";
import type { OfficeView } from "../../scenes/OfficeScene";
import type { AccountApi, AccountMember } from "../../net/AccountApi";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { TouchJoystick } from "../../input/TouchJoystick";
import { Emotes } from "../../systems/Emotes";
import type { KeyboardIntent } from "../../systems/KeyboardIntent";
import type { Keymap } from "../../input/keymap";
import { EMOTE_KINDS } from "../../../shared/chat/emotes";
import { Disposables } from "../../util/Emitter";
import { ChatPanel } from "../chat/ChatPanel";
import { SettingsDialog } from "../settings/SettingsDialog";
import type { TextView } from "../TextView";
import type { OfficeUi } from "../officeUi";
import type { SidePanel } from "../SidePanel";
import { ServerMessage } from "../../../shared/protocol/names";
import { PeopleActions } from "./PeopleActions";
import { mountEmotePicker } from "./EmotePicker";
import { PeoplePanel } from "./PeoplePanel";
import { moderationControls } from "./ModerationControls";
import { SocialNotices } from "./SocialNotices";

export interface PeopleUiOptions {
  ui: OfficeUi;
  connection: OfficeConnection;
  view: () => OfficeView | null;
  /** Where the chat renders (its side-panel section). */
  chatHost: HTMLElement;
  side: SidePanel;
  /** Where the Settings button goes (the top bar). */
  toolbar: HTMLElement;
  /** The map's container: emotes and the touch joystick sit over it. */
  stage: HTMLElement;
  /** Where wave and ring notices go (the map's notice corner). */
  noticeHost?: HTMLElement;
  api: AccountApi;
  keymap: Keymap;
  intent: KeyboardIntent;
  /** Opens the call settings (devices), once calls are up. */
  openDevices(): void;
  member: AccountMember;
  storage: Storage | null;
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

  const actions = new PeopleActions(connection, options.view, (listener) => options.intent.addPressListener(listener));
  const backToMap = () => document.querySelector<HTMLCanvasElement>("#game canvas")?.focus();
  const chat = new ChatPanel(options.ui, options.chatHost, () => options.side.isVisible("chat"), backToMap);
  disposables.add(connection.messages.on(ServerMessage.Chat, (line) => chat.heard(line, options.side.isVisible("chat"))));
  const panel = new PeoplePanel(actions, (member) => {
    options.side.show("chat");
    chat.openThread(member.memberId, member.name);
  }, (member, owned) => moderationControls(connection, member, owned));
  const notices = document.createElement("div");
  notices.setAttribute("role", "region");
  notices.setAttribute("aria-label", "Notices");
  (options.noticeHost ?? options.stage).append(notices);
  const social = new SocialNotices(notices, connection, announce);
  const layer = document.createElement("div");
  options.stage.append(layer);
  const emotes = new Emotes(layer, connection, options.view, announce);
  for (const kind of EMOTE_KINDS) disposables.add(options.keymap.on(`emote:${kind}`, () => actions.emote(kind)));
  disposables.add(mountEmotePicker(options.toolbar, (kind) => actions.emote(kind)));
  const settings = new SettingsDialog(options.toolbar, {
    connection,
    api: options.api,
    member: options.member,
    storage: options.storage,
    announce,
    openDevices: options.openDevices,
  });
  const joystick = matchMedia("(pointer: coarse)").matches ? new TouchJoystick(options.stage, options.intent) : null;

  // Enter on the map opens chat.
  disposables.add(
    options.keymap.on("chat", () => {
      options.side.show("chat");
      chat.focusInput();
    }),
  );

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
