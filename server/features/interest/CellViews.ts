import type { Client } from "@colyseus/core";
import { $changes, StateView } from "@colyseus/schema";
import type { MemberState } from "../../schema/MemberState";

/**
 * Interest management with views shared per grid cell. Colyseus encodes a
 * patch once per distinct StateView, checking every changed member against
 * it, so one view per client costs clients × movers per patch. Here everyone
 * standing in the same cell shares that cell's view, which holds the people
 * within `reach` cells (kept up to `reach + 1`: hysteresis): the encoding cost
 * follows the number of occupied cells instead of the number of people.
 *
 * Moving to another cell switches the client to that cell's view. For one
 * patch it gets a private transition view that sends exactly the difference
 * (positions of people it could not see before, deletions for those it no
 * longer sees); then it joins the shared view.
 */

export interface Person {
  readonly state: MemberState;
  client: Client | undefined;
  cx: number;
  cy: number;
  /** Transition view in use until its changes have been sent. */
  transition: StateView | null;
  cell: CellView | null;
}

interface CellView {
  readonly cx: number;
  readonly cy: number;
  readonly view: StateView;
  /** People this view holds (the shared view's visible set, as a set we can walk). */
  readonly holds: Set<Person>;
  /** People standing in this cell (the view lives while there are any). */
  readonly residents: Set<Person>;
  /** Transition views moving into this one: they must follow its membership until they hand over. */
  readonly incoming: Set<Person>;
}

const key = (cx: number, cy: number) => cy * 65_536 + cx;
const DEFAULT_VIEW_TAG = -1;

export class CellViews {
  private readonly cells = new Map<number, CellView>();
  private readonly residents = new Map<number, Set<Person>>();

  constructor(
    readonly cellSize: number,
    readonly reach: number,
  ) {}

  /** Cells of half the radius: people come into view within 2 cells and leave it beyond 3. */
  static forRadius(radius: number, everyone: boolean): CellViews {
    if (everyone) return new CellViews(1 << 30, 0);
    const cellSize = Math.max(32, Math.ceil(radius / 2));
    return new CellViews(cellSize, 2);
  }

  cellOf(v: number): number {
    return Math.min(65_535, Math.max(0, Math.floor(v / this.cellSize)));
  }

  join(person: Person): void {
    person.cx = this.cellOf(person.state.x);
    person.cy = this.cellOf(person.state.y);
    this.settle(person);
    this.showAround(person);
    const cell = this.viewFor(person.cx, person.cy);
    cell.residents.add(person);
    person.cell = cell;
    if (person.client) person.client.view = cell.view;
  }

  /** A reconnecting client takes over the person's current view. */
  reattach(person: Person, client: Client): void {
    person.client = client;
    client.view = person.transition ?? person.cell?.view;
  }

  leave(person: Person): void {
    this.unsettle(person);
    for (const cell of this.cells.values()) {
      cell.holds.delete(person);
      cell.incoming.delete(person);
    }
    const cell = person.cell;
    person.cell = null;
    person.transition = null;
    if (cell) {
      cell.residents.delete(person);
      this.dropIfEmpty(cell);
    }
  }

  /** Per tick: hand finished transitions over, then follow people into new cells. */
  update(people: readonly Person[]): void {
    for (let i = 0; i < people.length; i++) {
      const person = people[i];
      if (person.transition && person.transition.changes.size === 0) this.handOver(person);
      const cx = this.cellOf(person.state.x);
      const cy = this.cellOf(person.state.y);
      if (cx !== person.cx || cy !== person.cy) this.move(person, cx, cy);
    }
  }

  private move(person: Person, cx: number, cy: number): void {
    const from = { cx: person.cx, cy: person.cy };
    this.unsettle(person);
    person.cx = cx;
    person.cy = cy;
    this.settle(person);
    // Views near the new cell take them in; views too far from it let them go.
    this.showAround(person);
    const keep = this.reach + 1;
    for (let y = from.cy - keep; y <= from.cy + keep; y++) {
      for (let x = from.cx - keep; x <= from.cx + keep; x++) {
        const cell = this.cells.get(key(x, y));
        if (cell && cell.holds.has(person) && Math.max(Math.abs(x - cx), Math.abs(y - cy)) > keep) this.hide(cell, person);
      }
    }
    this.switchView(person);
  }

  /** The person's own client moves from their old cell's view to the new one's. */
  private switchView(person: Person): void {
    const old = person.cell;
    const next = this.viewFor(person.cx, person.cy);
    if (old === next) return;
    next.residents.add(person);
    person.cell = next;
    if (old) {
      old.residents.delete(person);
      for (const cell of this.cells.values()) cell.incoming.delete(person);
    }
    // Mid-transition the client's picture is less certain: resend everyone rather than trust it.
    const trusted = person.transition === null;
    const seen = old?.holds;
    const transition = new StateView();
    for (const other of next.holds) {
      const tree = other.state[$changes];
      // Someone already in view: visible to the transition without resending their fields.
      if (trusted && seen?.has(other) && tree) transition.visible.add(tree);
      else transition.add(other.state, DEFAULT_VIEW_TAG, false);
    }
    if (seen) for (const other of seen) if (!next.holds.has(other)) transition.remove(other.state);
    person.transition = transition;
    next.incoming.add(person);
    if (person.client) person.client.view = transition;
    if (old) this.dropIfEmpty(old);
  }

  private handOver(person: Person): void {
    person.transition = null;
    person.cell?.incoming.delete(person);
    if (person.client && person.cell) person.client.view = person.cell.view;
  }

  /** Adds the person to every existing view within reach. */
  private showAround(person: Person): void {
    const r = this.reach;
    for (let y = person.cy - r; y <= person.cy + r; y++) {
      for (let x = person.cx - r; x <= person.cx + r; x++) {
        const cell = this.cells.get(key(x, y));
        if (cell && !cell.holds.has(person)) this.show(cell, person);
      }
    }
  }

  private show(cell: CellView, person: Person): void {
    cell.holds.add(person);
    cell.view.add(person.state, DEFAULT_VIEW_TAG, false);
    for (const moving of cell.incoming) moving.transition?.add(person.state, DEFAULT_VIEW_TAG, false);
  }

  private hide(cell: CellView, person: Person): void {
    cell.holds.delete(person);
    cell.view.remove(person.state);
    for (const moving of cell.incoming) moving.transition?.remove(person.state);
  }

  private viewFor(cx: number, cy: number): CellView {
    const k = key(cx, cy);
    let cell = this.cells.get(k);
    if (cell) return cell;
    cell = { cx, cy, view: new StateView(), holds: new Set(), residents: new Set(), incoming: new Set() };
    this.cells.set(k, cell);
    const r = this.reach;
    for (let y = cy - r; y <= cy + r; y++) {
      for (let x = cx - r; x <= cx + r; x++) {
        const here = this.residents.get(key(x, y));
        if (here) for (const person of here) this.show(cell, person);
      }
    }
    return cell;
  }

  private dropIfEmpty(cell: CellView): void {
    if (cell.residents.size === 0 && cell.incoming.size === 0) this.cells.delete(key(cell.cx, cell.cy));
  }

  private settle(person: Person): void {
    const k = key(person.cx, person.cy);
    let here = this.residents.get(k);
    if (!here) this.residents.set(k, (here = new Set()));
    here.add(person);
  }

  private unsettle(person: Person): void {
    this.residents.get(key(person.cx, person.cy))?.delete(person);
  }
}
