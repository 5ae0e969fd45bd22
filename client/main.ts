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
import { PanelToggle } from "./ui/PanelToggle";
import { DatabaseNotice } from "./ui/DatabaseNotice";
import { StatusBar } from "./ui/StatusBar";
import { TextView } from "./ui/TextView";
import { startCalls } from "./ui/calls/startCalls";
import { startPeopleUi } from "./ui/people/startPeopleUi";
import { applyTheme, loadPreferences } from "./ui/settings/preferences";
import { startStatusUi } from "./ui/status/startStatusUi";
import { startMeetupsUi } from "./ui/meetups/startMeetupsUi";
import { spaceFromLocation } from "./ui/spaceSlug";
import { markRejoin, takeRejoin } from "./ui/rejoinAfterReload";
import { showAdminLink } from "./admin/officeLink";

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
const status = new StatusBar(element("[data-status]"), element("[data-help]"));
const panel = new PanelToggle(app, element("[data-panel-toggle]"), element("#people-panel"), element("#people-heading"));

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
  connection.events.on("status", (s, detail) => status.show(s, detail));
  const databaseNotice = new DatabaseNotice(element("[data-status]"));
  connection.events.on("database", (available) => databaseNotice.update(available));
  try {
    const welcome = await connection.waitForWelcome(WELCOME_TIMEOUT_MS);
    const mapUrl = welcome?.mapUrl ?? `/api/spaces/${encodeURIComponent(space)}/map`;
    const tiled = await fetchMap(mapUrl);
    const map = parseMap(tiled);
    status.show(connection.connectionStatus);
    // Refusals of individual messages (e.g. moving too fast) are for developers, not people.
    connection.events.on("rejected", (r) => console.warn(`[deskmap] server refused ${r.type}: ${r.reason}`));

    let view: OfficeView | null = null;
    const selfPosition = () => view?.selfPosition() ?? null;
    const game = startOffice(element("#game"), {
      connection,
      map,
      tiled,
      onReady: (ready) => {
        view = ready;
      },
    });
    form.hide();
    panel.enable();
    void showAdminLink(document.querySelector<HTMLAnchorElement>("[data-admin-link]"), space);
    const people = startPeopleUi({
      connection,
      view: () => view,
      panel: element("#people-panel"),
      toolbar: element(".topbar"),
      stage: element("#main"),
      api: accountApi,
      member,
      storage: safeStorage(),
      showPanel: () => panel.setOpen(true),
      panelVisible: () => panel.isOpen(),
    });
    const textView = new TextView(element("[data-text-view]"), {
      connection,
      map,
      selfPosition,
      rowControls: people.rowControls,
    });
    people.attach(textView, element("[data-text-view]"));
    if (resumedForNewMap) textView.announce("The office map was updated; you are back on the new one");
    exposeDebugHook(connection, () => view, welcome?.mapVersion);
    followMapChanges(connection, welcome?.mapVersion);
    const stopStatusUi = startStatusUi({ connection, map, host: element("#main") });
    const stopMeetupsUi = startMeetupsUi({
      connection,
      map,
      host: element("#main"),
      strip: document.querySelector<HTMLElement>("[data-calls]"),
      walkTo: (point) => view?.walkTo(point) ?? false,
      // A host's mute works like pressing the microphone toggle (the first control): the person can turn it back on.
      mute: () => document.querySelector<HTMLButtonElement>('[data-call-controls] button[aria-pressed="true"]')?.click(),
    });
    // Calls start in the background: the map is usable while the camera permission is pending.
    const stopCalls = startCalls({
      connection,
      tileSize: map.tileSize,
      selfPosition,
      strip: element("[data-calls]"),
      controls: element("[data-call-controls]"),
      notice: element("[data-call-notice]"),
    }).catch((error: unknown) => {
      console.warn("[deskmap] calls unavailable:", error);
      return () => undefined;
    });
    window.addEventListener("pagehide", () => {
      void stopCalls.then((stop) => stop());
      stopStatusUi();
      stopMeetupsUi();
      people.dispose();
      void connection.leave();
      game.destroy(true);
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
  connection.events.on("welcome", (welcome) => {
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
      mapVersion: () => mapVersion ?? null,
    }),
    configurable: true,
  });
}
