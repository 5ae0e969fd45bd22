/**
 * Who is near whom, kept up to date incrementally on a grid of square cells.
 *
 * Two people see each other once their cells are at most `reach` cells apart
 * (Chebyshev distance) and stop once they are more than `reach + 1` apart: the
 * extra cell is hysteresis, so someone pacing along a boundary does not flicker
 * in and out. Visibility only depends on cells, so work happens only when
 * someone crosses into another cell, and then only against the people in the
 * cells around them — a spatial hash of persistent per-cell lists, nothing
 * allocated per tick once the cells someone visited exist.
 */

export interface InterestListener<T> {
  /** a and b now see each other (called once per pair, either order). */
  enter(a: T, b: T): void;
  /** a and b stopped seeing each other. */
  leave(a: T, b: T): void;
}

export interface Watcher<T> {
  readonly item: T;
  cx: number;
  cy: number;
  /** Position in its cell's list (swap-remove). */
  slot: number;
  /** Everyone this one sees; symmetric: b ∈ a.sees ⇔ a ∈ b.sees. */
  readonly sees: Set<Watcher<T>>;
}

/** Cell coordinates fit in 16 bits each: maps are at most 65,535 px wide. */
const cellKey = (cx: number, cy: number) => cy * 65_536 + cx;

export class InterestGrid<T> {
  private readonly cells = new Map<number, Watcher<T>[]>();
  readonly reach: number;

  /**
   * @param cellSize pixels per cell side.
   * @param reach cells (each way) within which people start seeing each other;
   *   Infinity makes everyone see everyone (interest management off).
   */
  constructor(
    readonly cellSize: number,
    reach: number,
    private readonly listener: InterestListener<T>,
  ) {
    if (!(cellSize > 0)) throw new RangeError(`InterestGrid: cellSize must be positive, got ${cellSize}`);
    if (!(reach >= 0)) throw new RangeError(`InterestGrid: reach must be ≥ 0, got ${reach}`);
    this.reach = reach;
  }

  /** Grid for a square of half-side `radius` px: cells of a quarter radius, so hysteresis is a quarter radius too. */
  static forRadius<T>(radius: number, listener: InterestListener<T>, everyone = false): InterestGrid<T> {
    const cellSize = Math.max(16, Math.ceil(radius / 4));
    return new InterestGrid(cellSize, everyone ? Infinity : Math.ceil(radius / cellSize), listener);
  }

  add(item: T, x: number, y: number): Watcher<T> {
    const w: Watcher<T> = { item, cx: this.cellOf(x), cy: this.cellOf(y), slot: -1, sees: new Set() };
    if (this.reach === Infinity) {
      for (const list of this.cells.values()) for (const other of list) this.link(w, other);
    } else {
      this.linkAround(w);
    }
    this.insert(w);
    return w;
  }

  /** Call with the latest position (every tick is fine: nothing happens until the cell changes). */
  move(w: Watcher<T>, x: number, y: number): void {
    const cx = this.cellOf(x);
    const cy = this.cellOf(y);
    if (cx === w.cx && cy === w.cy) return;
    this.extract(w);
    w.cx = cx;
    w.cy = cy;
    this.insert(w);
    if (this.reach === Infinity) return;
    const keep = this.reach + 1;
    for (const other of w.sees) {
      if (Math.max(Math.abs(other.cx - cx), Math.abs(other.cy - cy)) > keep) this.unlink(w, other);
    }
    this.linkAround(w);
  }

  /** Forgets someone who left; nobody is told (their state is going away with them). */
  remove(w: Watcher<T>): void {
    this.extract(w);
    for (const other of w.sees) other.sees.delete(w);
    w.sees.clear();
  }

  private linkAround(w: Watcher<T>): void {
    const r = this.reach;
    for (let cy = Math.max(0, w.cy - r); cy <= w.cy + r; cy++) {
      for (let cx = Math.max(0, w.cx - r); cx <= w.cx + r; cx++) {
        const list = this.cells.get(cellKey(cx, cy));
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const other = list[i];
          if (other !== w && !w.sees.has(other)) this.link(w, other);
        }
      }
    }
  }

  private link(a: Watcher<T>, b: Watcher<T>): void {
    a.sees.add(b);
    b.sees.add(a);
    this.listener.enter(a.item, b.item);
  }

  private unlink(a: Watcher<T>, b: Watcher<T>): void {
    a.sees.delete(b);
    b.sees.delete(a);
    this.listener.leave(a.item, b.item);
  }

  private cellOf(v: number): number {
    // Positions are map pixels (≥ 0); clamp so a bad value cannot create far-away cells.
    return Math.min(65_535, Math.max(0, Math.floor(v / this.cellSize)));
  }

  private insert(w: Watcher<T>): void {
    const key = cellKey(w.cx, w.cy);
    let list = this.cells.get(key);
    if (!list) {
      list = [];
      this.cells.set(key, list);
    }
    w.slot = list.length;
    list.push(w);
  }

  private extract(w: Watcher<T>): void {
    const list = this.cells.get(cellKey(w.cx, w.cy));
    if (!list || list[w.slot] !== w) return;
    const last = list.pop()!;
    if (last !== w) {
      list[w.slot] = last;
      last.slot = w.slot;
    }
    w.slot = -1;
  }
}
