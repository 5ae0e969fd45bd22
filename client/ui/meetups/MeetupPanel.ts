import type { OfficeMap } from "../../../shared/map/types";
import type { MeetupView } from "../../../shared/protocol/meetupMessages";
import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { button, el } from "../dom";
import { meetupZoneNames } from "./meetupZones";
import { ScheduleForm } from "./ScheduleForm";

/**
 * The meetups panel: live and upcoming meetups with "go there", the schedule
 * form (for those the space allows), hosts' start/end/cancel, raising a hand
 * at a live meetup, and a host's controls over the people there.
 */
export class MeetupPanel {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private meetups: MeetupView[] = [];
  private pending: ReturnType<typeof setTimeout> | null = null;
  private readonly offMembers: () => void;

  constructor(
    private readonly connection: OfficeConnection,
    private readonly map: OfficeMap,
    private readonly go: (meetup: MeetupView, how: "walk" | "teleport") => void,
  ) {
    this.list = el("ul", { class: "meetup-list", "data-meetup-list": "" });
    const form = new ScheduleForm(map, (m) => connection.send(ClientMessage.MeetupSchedule, m));
    form.root.hidden = true;
    this.root = el("section", { class: "meetups", "aria-label": "Meetups", "data-meetups": "" }, el("h2", {}, "Meetups"), this.list, form.root);
    connection.messages.on("meetups", (m) => {
      form.root.hidden = !m.youMaySchedule;
      this.meetups = m.meetups;
      this.render();
    });
    connection.send(ClientMessage.MeetupList, {});
    // People move in and out of a live meetup's zone (hand button, host lists): re-render, at most twice a second.
    this.offMembers = connection.events.on("memberChanged", () => {
      if (this.pending || !this.meetups.some((m) => m.live)) return;
      this.pending = setTimeout(() => {
        this.pending = null;
        this.render();
      }, 500);
    });
  }

  private render(): void {
    this.list.replaceChildren(...this.meetups.map((m) => this.item(m)));
  }

  private item(m: MeetupView): HTMLElement {
    const act = (action: "cancel" | "start" | "end" | "teleport") => () => this.connection.send(ClientMessage.MeetupAction, { id: m.id, action });
    const when = new Date(m.startsAt).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
    const li = el(
      "li",
      { "data-meetup": m.id, "data-state": m.state },
      el("strong", {}, m.title),
      ` · ${m.zoneName} · ${m.state === "live" ? "live now" : when} · ${m.durationMinutes} min`,
      el("div", { class: "meetup-hosts" }, `Hosts: ${m.hosts.map((h) => h.name).join(", ")}`),
    );
    if (m.description) li.append(el("p", {}, m.description));
    const actions = el("div", { class: "meetup-actions" });
    if (m.state === "live") {
      actions.append(button("Go there", () => this.go(m, "walk")), button("Take me there", () => this.go(m, "teleport")));
      const here = this.isHere(m, this.connection.selfId);
      if (here && !m.live?.promoted.includes(this.connection.selfId)) {
        const raised = m.live?.hands.includes(this.connection.selfId) ?? false;
        actions.append(
          button(raised ? "Lower hand" : "Raise hand", () => this.connection.send(ClientMessage.RaiseHand, { raised: !raised }), { "data-raise-hand": "" }),
        );
      }
    }
    if (m.youHost) {
      if (m.state === "scheduled") actions.append(button("Start now", act("start"), { "data-meetup-start": "" }), button("Cancel", act("cancel")));
      if (m.state === "live") actions.append(button("End", act("end"), { "data-meetup-end": "" }));
    }
    li.append(actions);
    if (m.youHost && m.live) li.append(this.hostControls(m));
    return li;
  }

  private isHere(m: MeetupView, sessionId: string): boolean {
    const zone = this.connection.member(sessionId)?.zone;
    return !!zone && meetupZoneNames(this.map, m.zoneId).has(zone);
  }

  /** Hands in order, then everyone at the meetup with mute / bring up / send back / spotlight. */
  private hostControls(m: MeetupView): HTMLElement {
    const live = m.live!;
    const host = (action: "mute" | "promote" | "demote" | "spotlight", target: string) => () =>
      this.connection.send(ClientMessage.MeetupHost, { id: m.id, action, target });
    const simple = (action: "unspotlight" | "next-hand" | "lock" | "unlock") => () => this.connection.send(ClientMessage.MeetupHost, { id: m.id, action });
    const nameOf = (id: string) => this.connection.member(id)?.name ?? "someone";
    const box = el(
      "div",
      { class: "meetup-host-controls", "data-host-controls": "" },
      el("div", {}, `Raised hands: ${live.hands.length ? live.hands.map(nameOf).join(", ") : "none"}`),
      button("Bring up next hand", simple("next-hand"), { "data-next-hand": "" }),
      button("Lock zone", simple("lock")),
      button("Unlock zone", simple("unlock")),
    );
    if (live.spotlight) box.append(button(`Clear spotlight (${nameOf(live.spotlight)})`, simple("unspotlight")));
    const people = el("ul", { class: "meetup-people" });
    for (const member of this.connection.allMembers()) {
      if (member.id === this.connection.selfId || !this.isHere(m, member.id)) continue;
      const promoted = live.promoted.includes(member.id);
      people.append(
        el(
          "li",
          { "data-attendee": member.id },
          member.name,
          button("Mute", host("mute", member.id)),
          promoted ? button("Send back", host("demote", member.id)) : button("Bring up", host("promote", member.id), { "data-promote": member.id }),
          button("Spotlight", host("spotlight", member.id)),
        ),
      );
    }
    box.append(people);
    return box;
  }

  /** The spotlit speaker of the live meetup we stand in, if any. */
  spotlightHere(): string | null {
    const m = this.meetups.find((x) => x.live && this.isHere(x, this.connection.selfId));
    return m?.live?.spotlight ?? null;
  }

  dispose(): void {
    this.offMembers();
    if (this.pending) clearTimeout(this.pending);
    this.root.remove();
  }
}
