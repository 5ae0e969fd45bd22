import "./styles.css";
import { parseMap } from "../shared/map/parseMap";
import type { TiledMap } from "../shared/map/tiledTypes";
import type { Point } from "../shared/map/types";
import { ServerMessage } from "../shared/protocol/names";
import type { OfficeView } from "./scenes/OfficeScene";
import { OfficeConnection } from "./net/OfficeConnection";
import { startOffice } from "./scenes/startOffice";
import { AccountApi, type AccountMember } from "./net/AccountApi";
import { JoinPage } from "./ui/JoinPage";
import { SidePanel } from "./ui/SidePanel";
import { OfficeState } from "./state/OfficeState";
import { feedState } from "./state/feedState";
import type { OfficeUi } from "./ui/officeUi";
import { NoticeCenter } from "./ui/notices/NoticeCenter";
import { mountNotices } from "./ui/notices/NoticeStack";
import { startAttention } from "./ui/notices/Attention";
import { showLeftOffice } from "./ui/LeftOffice";
import { spotlightSignal } from "./ui/meetups/MeetupsPanel";
import { KeyboardIntent } from "./systems/KeyboardIntent";
import { Keymap, helpLine } from "./input/keymap";
import { mountShortcutSheet } from "./ui/ShortcutSheet";
import { mountDevicePreview } from "./ui/DevicePreview";
import { DatabaseNotice } from "./ui/DatabaseNotice";
import { StatusBar } from "./ui/StatusBar";
import { TextView } from "./ui/TextView";
import { startCalls, type Calls } from "./ui/calls/startCalls";
import { startPeopleUi } from "./ui/people/startPeopleUi";
import { applyTheme, loadPreferences } from "./ui/settings/preferences";
import { startStatusUi } from "./ui/status/startStatusUi";
import { startMeetupsUi } from "./ui/meetups/startMeetupsUi";
import { spaceFromLocation } from "./ui/spaceSlug";
import { markRejoin, takeRejoin } from "./ui/rejoinAfterReload";
import { followRoleForAdminLink, showAdminLink } from "./admin/officeLink";

/** Page bootstrap: join form → connection → map → game and text view. */

const WELCOME_TIMEOUT_MS = 5000;

function element<T extends HTMLElement = HTMLElement>(selector: string): T {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`index.html is missing ${selector}`);
  return el;
}

// The chosen theme applies from the first paint, join page included.
applyTheme(loadPreferences(safeStorage()).theme);
const space = spaceFromLocation(window.location);
element("[data-space-label]").textContent = space === "default" ? "" : `· ${space}`;
const app = element(".app");
const status = new StatusBar(element("[data-status]"));
const side = new SidePanel(app, element("#side-panel"), element("[data-panel-toggle]"), element("#people-heading"));

const accountApi = new AccountApi();
/** This load is the page coming back by itself after its office switched maps (see followMapChanges). */
const resumedForNewMap = takeRejoin(safeSessionStorage(), space);
const form = new JoinPage(element("[data-join]"), {
  space,
  invite: new URLSearchParams(window.location.search).get("invite"),
  api: accountApi,
  storage: safeStorage(),
  enter: join,
  resume: resumedForNewMap,
});
void form.start();
const stopPreview = mountDevicePreview(form.extras);

/** Enters the room; who this is comes from the session cookie the join page obtained. */
async function join(member: AccountMember): Promise<void> {
  status.show("connecting");
  let connection: OfficeConnection;
  try {
    connection = await OfficeConnection.join(websocketEndpoint(), { space, name: member.displayName, avatar: member.avatar });
  } catch (error) {
    status.clear(); // the form's alert says why
    throw error;
  }
  // The one client state, fed from here on (before any await, so no early message is missed).
  const state = new OfficeState();
  const stopFeed = feedState(connection, state);
  connection.events.on("status", (s, detail) => status.show(s, detail));
  const databaseNotice = new DatabaseNotice(element("[data-status]"));
  connection.messages.on(ServerMessage.Database, ({ available }) => databaseNotice.update(available));
  try {
    const welcome = await connection.waitForWelcome(WELCOME_TIMEOUT_MS);
    const mapUrl = welcome?.mapUrl ?? `/api/spaces/${encodeURIComponent(space)}/map`;
    const tiled = await fetchMap(mapUrl);
    const map = parseMap(tiled);
    status.show(connection.connectionStatus);
    // Refusals of individual messages (e.g. moving too fast) are for developers, not people.
    connection.messages.on(ServerMessage.Rejected, (r) => console.warn(`[deskmap] server refused ${r.type}: ${r.reason}`));

    let view: OfficeView | null = null;
    const selfPosition = () => view?.selfPosition() ?? null;
    const touch = window.matchMedia("(pointer: coarse)").matches;
    const intent = new KeyboardIntent();
    const keymap = new Keymap(intent);
    element("[data-help]").textContent = helpLine(touch);
    const sheet = mountShortcutSheet(element("[data-shortcuts]"), touch);
    keymap.on("shortcuts", () => sheet.open());
    element<HTMLButtonElement>("[data-shortcuts-button]").hidden = false;
    element<HTMLButtonElement>("[data-shortcuts-button]").addEventListener("click", () => sheet.open());
    keymap.on("people", () => side.focusPeople());
    const focusMap = () => document.querySelector<HTMLCanvasElement>("#game canvas")?.focus();
    keymap.on("map", focusMap);
    keymap.on("sit", () => view?.toggleSeat());
    const game = startOffice(element("#game"), {
      intent,
      connection,
      map,
      tiled,
      onReady: (ready) => {
        view = ready;
      },
    });
    form.hide();
    stopPreview();
    side.enable();
    void showAdminLink(document.querySelector<HTMLAnchorElement>("[data-admin-link]"), space);
    followRoleForAdminLink(document.querySelector<HTMLAnchorElement>("[data-admin-link]"), connection, space);
    const notices = new NoticeCenter();
    mountNotices(notices, element("[data-map-notices]"));
    let textView: TextView | null = null;
    const ui: OfficeUi = {
      state,
      map,
      send: (type, payload) => connection.send(type, payload),
      walkTo: (point) => view?.walkTo(point) ?? false,
      announce: (text) => textView?.announce(text),
    };
    const people = startPeopleUi({
      ui,
      connection,
      view: () => view,
      chatHost: element("[data-chat-host]"),
      side,
      toolbar: element(".topbar"),
      stage: element("#main"),
      noticeHost: element("[data-map-notices]"),
      api: accountApi,
      keymap,
      intent,
      openDevices: () => void callsReady.then((calls) => calls?.openSettings()),
      member,
      storage: safeStorage(),
    });
    textView = new TextView(element("[data-text-view]"), {
      connection,
      map,
      selfPosition,
      rowControls: people.rowControls,
    });
    people.attach(textView, element("[data-text-view]"));
    if (resumedForNewMap) textView.announce("The office map was updated; you are back on the new one");
    exposeDebugHook(connection, () => view, welcome?.mapVersion);
    followMapChanges(connection, welcome?.mapVersion);
    const stopAttention = startAttention(connection, state);
    const stopStatusUi = startStatusUi({ ui, connection, host: element("[data-status-host]"), notices: element("[data-map-notices]") });
    // Calls start in the background: the map is usable while the camera permission is pending.
    let muteMicrophone = () => undefined as void;
    const stopMeetupsUi = startMeetupsUi({
      ui,
      connection,
      notices,
      host: element("[data-meetups-host]"),
      // A host's mute works like pressing the microphone toggle: the person can turn it back on.
      mute: () => muteMicrophone(),
    });
    const spotlight = spotlightSignal(ui);
    const beginCalls = (): Promise<Calls | null> =>
      startCalls({
        connection,
        tileSize: map.tileSize,
        selfPosition,
        strip: element("[data-calls]"),
        controls: element("[data-call-controls]"),
        notice: element("[data-call-notice]"),
        state,
        spotlight,
        focusMap,
        // After allowing the camera or microphone: calls start over with the new devices.
        retry: () => {
          callsReady = callsReady.then((calls) => {
            calls?.stop();
            return beginCalls();
          });
        },
      })
        .then((calls) => {
          muteMicrophone = calls.mute;
          keymap.on("mic", calls.toggleMic);
          keymap.on("camera", calls.toggleCamera);
          keymap.on("leave", calls.leave);
          return calls;
        })
        .catch((error: unknown) => {
          console.warn("[deskmap] calls unavailable:", error);
          return null;
        });
    let callsReady = beginCalls();
    const stopAll = () => {
      void callsReady.then((calls) => calls?.stop());
      keymap.dispose();
      sheet.dispose();
      stopAttention();
      stopStatusUi();
      stopMeetupsUi();
      people.dispose();
      notices.dispose();
      stopFeed();
      game.destroy(true);
    };
    // Removed by an owner, or gone for good: the office closes instead of freezing with stale people in it.
    showLeftOffice(state, element("[data-join]"), () => {
      stopAll();
      side.dispose();
      app.dataset.panel = "closed";
      element("#side-panel").hidden = true;
    });
    window.addEventListener("pagehide", () => {
      void connection.leave();
      stopAll();
    });
  } catch (error) {
    await connection.leave();
    status.clear();
    throw error;
  }
}

/**
 * An admin switched the space to another map: the room closes and everyone
 * comes back on the new one. This page reloads to draw it (and rejoins by
 * itself); a room that reopened before we heard the news shows it in its welcome.
 */
function followMapChanges(connection: OfficeConnection, loadedVersion: number | undefined): void {
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    status.show("reconnecting", "the office map was updated; loading the new one");
    markRejoin(safeSessionStorage(), space);
    window.location.reload();
  };
  connection.messages.on(ServerMessage.MapChanged, reload);
  connection.messages.on(ServerMessage.Welcome, (welcome) => {
    if (loadedVersion !== undefined && welcome.mapVersion !== undefined && welcome.mapVersion !== loadedVersion) reload();
  });
}

async function fetchMap(url: string): Promise<TiledMap> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`the office map could not be loaded (HTTP ${response.status})`);
  return (await response.json()) as TiledMap;
}

function websocketEndpoint(): string {
  return `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}`;
}

/** Web storage, or null where the browser refuses it (some privacy modes throw on access). */
function webStorage(kind: "localStorage" | "sessionStorage"): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

function safeStorage(): Storage | null {
  return webStorage("localStorage");
}

function safeSessionStorage(): Storage | null {
  return webStorage("sessionStorage");
}

/** Read-only hooks for browser tests and debugging; they expose nothing the page does not already show. */
function exposeDebugHook(connection: OfficeConnection, view: () => OfficeView | null, mapVersion: number | undefined): void {
  Object.defineProperty(window, "__deskmap", {
    value: Object.freeze({
      selfId: () => connection.selfId,
      selfPosition: (): Point | null => view()?.selfPosition() ?? null,
      clientPointOf: (point: Point): Point | null => view()?.clientPointOf(point) ?? null,
      members: () => connection.allMembers().map((m) => ({ ...m })),
      status: () => connection.connectionStatus,
      renderInfo: () => view()?.renderInfo() ?? null,
      tagRects: () => view()?.tagRects() ?? [],
      mapVersion: () => mapVersion ?? null,
    }),
    configurable: true,
  });
}
