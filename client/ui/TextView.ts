import type { OfficeMap, Point } from "../../shared/map/types";
import type { OfficeConnection } from "../net/OfficeConnection";
import type { MemberSnapshot } from "../net/types";
import { Disposables } from "../util/Emitter";
import { describePerson, type PersonLine } from "./describePosition";
import { withStatus } from "./status/statusLabel";
import { zoneNameAt } from "./zoneName";

/**
 * The accessible text view: a "People" list saying where everyone is relative
 * to you, refreshed at most once a second (only when its text changes, so
 * screen readers are not flooded), and a polite live region that announces
 * only arrivals and departures.
 */

const REFRESH_MS = 1000;

export interface TextViewSource {
  connection: OfficeConnection;
  map: OfficeMap;
  /** Where you are drawn now (predicted), or null before your avatar exists. */
  selfPosition(): Point | null;
  /** Controls shown with a person's line (the people panel's actions); made once per person. */
  rowControls?(member: MemberSnapshot): HTMLElement | null;
}

interface Row {
  li: HTMLLIElement;
  line: HTMLSpanElement;
}

export class TextView {
  private readonly list: HTMLUListElement;
  private readonly announcer: HTMLElement;
  private readonly disposables = new Disposables();
  private readonly rows = new Map<string, Row>();
  private filter = "";

  constructor(
    container: HTMLElement,
    private readonly source: TextViewSource,
  ) {
    this.list = document.createElement("ul");
    this.list.className = "people-list";
    this.list.setAttribute("aria-label", "People");
    this.announcer = document.createElement("p");
    this.announcer.className = "visually-hidden";
    this.announcer.setAttribute("aria-live", "polite");
    this.announcer.dataset.announcer = "";
    container.append(this.list, this.announcer);

    const events = source.connection.events;
    this.disposables.add(
      events.on("memberAdded", (member, initial) => {
        if (!initial && member.id !== source.connection.selfId) this.announce(`${member.name} joined`);
        this.refresh();
      }),
    );
    this.disposables.add(
      events.on("memberRemoved", (member) => {
        if (member.id !== source.connection.selfId) this.announce(`${member.name} left`);
        this.refresh();
      }),
    );
    const timer = setInterval(() => this.refresh(), REFRESH_MS);
    this.disposables.add(() => clearInterval(timer));
    this.refresh();
  }

  /**
   * Updates only lines whose text changed, keeping each person's row (and a
   * focused control in it) in place; rows move only when the order changes.
   */
  refresh(): void {
    const lines = this.lines();
    const seen = new Set<string>();
    const ordered: HTMLLIElement[] = [];
    for (const { member, text, isSelf } of lines) {
      seen.add(member.id);
      let row = this.rows.get(member.id);
      if (!row) {
        const li = document.createElement("li");
        li.dataset.memberId = member.id;
        const line = document.createElement("span");
        line.className = "person-line";
        li.append(line);
        const controls = isSelf ? null : (this.source.rowControls?.(member) ?? null);
        if (controls) li.append(controls);
        row = { li, line };
        this.rows.set(member.id, row);
      }
      if (row.line.textContent !== text) row.line.textContent = text;
      row.li.hidden = !isSelf && this.filter !== "" && !member.name.toLowerCase().includes(this.filter);
      ordered.push(row.li);
    }
    for (const [id, row] of this.rows) {
      if (seen.has(id)) continue;
      row.li.remove();
      this.rows.delete(id);
    }
    const current = [...this.list.children];
    if (current.length !== ordered.length || ordered.some((li, i) => current[i] !== li)) this.list.replaceChildren(...ordered);
  }

  /** Lists only people whose name contains `text` (any case); you stay listed. */
  setFilter(text: string): void {
    this.filter = text.trim().toLowerCase();
    this.refresh();
  }

  dispose(): void {
    this.disposables.dispose();
    this.list.remove();
    this.announcer.remove();
  }

  private lines(): Array<{ member: MemberSnapshot; text: string; isSelf: boolean }> {
    const { connection, map } = this.source;
    const selfId = connection.selfId;
    const members = connection.allMembers();
    const selfMember = members.find((m) => m.id === selfId);
    const self = this.source.selfPosition() ?? (selfMember ? { x: selfMember.x, y: selfMember.y } : null);
    if (!self) return [];
    const others = members.filter((m) => m.id !== selfId).sort(byName);
    // Far-away people (position not streamed to us) keep their line, with the zone the server names and no distance.
    const people: PersonLine[] = others.map((m) =>
      m.located === false
        ? { name: m.name, isSelf: false, position: null, zoneName: m.zone || null }
        : { name: m.name, isSelf: false, position: { x: m.x, y: m.y }, zoneName: zoneNameAt(map, m) },
    );
    people.unshift({ name: selfMember?.name ?? "You", isSelf: true, position: self, zoneName: zoneNameAt(map, self) });
    if (!selfMember) people.shift();
    const rows = selfMember ? [selfMember, ...others] : others;
    return people.map((p, i) => ({
      member: rows[i],
      text: withRole(withStatus(describePerson(p, self, map.tileSize), rows[i]), rows[i]),
      isSelf: rows[i].id === selfId,
    }));
  }

  /** Says something politely to screen readers (joins, waves, knocks, meetups…). */
  announce(text: string): void {
    // Re-setting identical text is not re-announced by some readers; a changed node is.
    this.announcer.textContent = "";
    this.announcer.textContent = text;
  }
}

/** Who runs the space says so on their line ("… — admin"); members and guests read as before. */
export function withRole(line: string, member: Pick<MemberSnapshot, "role">): string {
  return member.role === "owner" || member.role === "admin" ? `${line} — ${member.role}` : line;
}

function byName(a: MemberSnapshot, b: MemberSnapshot): number {
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}
