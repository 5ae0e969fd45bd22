import type { OfficeMap, Point } from "../../../shared/map/types";
import type { MeetupView } from "../../../shared/protocol/meetupMessages";
import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { button, el } from "../dom";
import { MeetupPanel } from "./MeetupPanel";
import { walkTarget } from "./meetupZones";

export interface MeetupsUiOptions {
  connection: OfficeConnection;
  map: OfficeMap;
  /** Where the panel and banners go. */
  host: HTMLElement;
  /** The video strip's root: a spotlit speaker's tile is pinned large there. */
  strip: HTMLElement | null;
  /** Walks along a path (shared findPath through the PlayerController); false when unreachable. */
  walkTo(point: Point): boolean;
  /** Mutes our microphone (a host asked); the call controls can turn it back on. */
  mute(): void;
}

/**
 * Meetups in the page (issue 6): the panel, the "a meetup started" banner
 * with "Go there" (walk) and "Take me there" (the server moves you), host
 * mutes, the spotlight layout, the stage note, and knocks on locked zones.
 */
export function startMeetupsUi(options: MeetupsUiOptions): () => void {
  const { connection, map, host } = options;
  const notices = el("div", { class: "meetup-notices", "aria-live": "polite", "data-meetup-notices": "" });
  const go = (m: Pick<MeetupView, "id" | "zoneId">, how: "walk" | "teleport") => {
    if (how === "teleport") return connection.send(ClientMessage.MeetupAction, { id: m.id, action: "teleport" });
    const target = walkTarget(map, m.zoneId);
    if (!target || !options.walkTo(target)) notice("There is no way to walk there from here: try “Take me there”.");
  };
  const panel = new MeetupPanel(connection, map, go);
  const dock = el("aside", { class: "meetups-dock", "data-meetups-dock": "" }, notices, panel.root);
  host.append(dock);

  function notice(text: string, ...actions: HTMLElement[]): HTMLElement {
    const box = el("div", { class: "meetup-notice", role: "status" }, el("span", {}, text), ...actions);
    box.append(button("Dismiss", () => box.remove()));
    notices.append(box);
    return box;
  }

  const offs = [
    connection.messages.on("meetup-started", (m) => {
      const banner = notice(`“${m.title}” has started in ${m.zoneName}.`);
      banner.dataset.meetupBanner = m.id;
      banner.prepend(
        button("Go there", () => (go(m, "walk"), banner.remove()), { "data-go-there": "" }),
        button("Take me there", () => (go(m, "teleport"), banner.remove()), { "data-take-me-there": "" }),
      );
    }),
    connection.messages.on("meetup-muted", (m) => {
      options.mute();
      notice(`${m.by} muted your microphone.`);
    }),
    connection.messages.on("zone-knock", (k) => {
      const box = notice(`${k.name} knocks to come in.`);
      box.prepend(
        button("Let in", () => (connection.send(ClientMessage.ZoneKnockAnswer, { from: k.from, accept: true }), box.remove())),
        button("Not now", () => (connection.send(ClientMessage.ZoneKnockAnswer, { from: k.from, accept: false }), box.remove())),
      );
    }),
    connection.messages.on("zone-knock-result", (r) => {
      notice(r.outcome === "accepted" ? "You were let in." : r.outcome === "declined" ? "They did not let you in." : "The zone is open again.");
    }),
    connection.messages.on("zone-locks", (l) => {
      host.dataset.lockedZones = l.locked.map((z) => z.zoneName).join(",");
      renderLock(l.locked);
    }),
    connection.messages.on("conversation", (c) => {
      dock.dataset.stageRole = c.stage?.role ?? "";
      if (c.stage?.note) notice(c.stage.note);
      if (c.full?.reason && c.stage) notice(c.full.reason);
    }),
    connection.messages.on("meetups", () => applySpotlight()),
  ];

  // Lock / unlock the private zone we stand in; knock on a locked one we stand by.
  const lockBox = el("div", { class: "zone-lock", "data-zone-lock": "" });
  dock.append(lockBox);
  let locked: Array<{ zoneId: number; zoneName: string }> = [];
  function renderLock(list = locked): void {
    locked = list;
    const here = connection.member(connection.selfId)?.zone ?? "";
    const zone = map.zones.find((z) => z.name === here);
    const controls: HTMLElement[] = [];
    if (zone?.type === "private") {
      const isLocked = locked.some((l) => l.zoneId === zone.id);
      controls.push(button(isLocked ? `Unlock ${zone.name}` : `Lock ${zone.name}`, () => connection.send(ClientMessage.ZoneLock, { locked: !isLocked })));
    }
    for (const l of locked) {
      if (l.zoneName !== here) controls.push(button(`Knock on ${l.zoneName}`, () => connection.send(ClientMessage.ZoneKnock, { zoneId: l.zoneId })));
    }
    lockBox.replaceChildren(...controls);
  }
  let lastZone = "";
  offs.push(
    connection.events.on("memberChanged", (m) => {
      if (m.id !== connection.selfId || (m.zone ?? "") === lastZone) return;
      lastZone = m.zone ?? "";
      renderLock();
    }),
  );

  /** Everyone's layout pins the spotlit speaker's video large. */
  function applySpotlight(): void {
    const strip = options.strip;
    if (!strip) return;
    const id = panel.spotlightHere();
    strip.dataset.spotlight = id ?? "";
    for (const tile of strip.querySelectorAll<HTMLElement>("[data-peer]")) {
      tile.dataset.spotlit = String(id !== null && tile.dataset.peer === id);
    }
  }
  const spotlightTimer = setInterval(applySpotlight, 1000);

  return () => {
    clearInterval(spotlightTimer);
    for (const off of offs) off();
    panel.dispose();
    dock.remove();
  };
}
