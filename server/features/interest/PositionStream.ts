import { FRAME_HEADER_BYTES, poseBits, writeFrameHeader } from "../../../shared/protocol/positionFrame";
import { append, recordBuffer, reserve, writeGone, writePose, type RecordBuffer } from "./RecordBuffer";

/** What the stream reads from a person (MemberState has these fields). */
export interface PositionSource {
  readonly num: number;
  readonly x: number;
  readonly y: number;
  readonly facing: string;
  readonly moving: boolean;
  /** Their last applied move input: told to them alone, in their frame's header. */
  readonly ack: number;
}

export type FrameSender = (frame: Uint8Array) => void;

/** One person in the stream; the fields are the stream's bookkeeping. */
export interface Viewer {
  readonly source: PositionSource;
  send: FrameSender | null;
  /** Cell key at the last flush (NO_CELL before the first). */
  cell: number;
  cx: number;
  cy: number;
  /** Index in its cell's `people`. */
  slot: number;
  /** Where this flush found them. */
  nextCx: number;
  nextCy: number;
  /** The cell they left during this flush (-1: they did not change cell, or just arrived). */
  fromCx: number;
  fromCy: number;
  moved: boolean;
  /** Left the room (a late record about them must not be written). */
  removed: boolean;
  sentX: number;
  sentY: number;
  sentBits: number;
  sentAck: number;
  /** Their next frame starts afresh (joined, or came back after a drop). */
  reset: boolean;
  /** Records only they need this flush (they changed cell); sent before their cell's records. */
  extra: RecordBuffer;
}

interface Cell {
  readonly people: Viewer[];
  /** This flush's records for everyone standing in the cell: shared, written once. */
  readonly body: RecordBuffer;
}

const NO_CELL = -1;
const cellKey = (cx: number, cy: number) => cy * 65_536 + cx;

/**
 * Sends each person the positions of the people near them, as position
 * frames (shared/protocol/positionFrame.ts), once per patch.
 *
 * The office is cut into square cells. A person sees everyone whose cell is
 * within `reachX` cells sideways and `reachY` up or down of their own. Records are written once per occupied
 * cell, not once per person: everyone in a cell shares one list of the
 * movements around it, and only someone who crossed into another cell gets a
 * few records of their own (people now in view who stood still, and people
 * now out of view). Nothing is sent about people who did not move. All
 * buffers are kept and reused between flushes.
 */
export class PositionStream {
  private readonly viewers: Viewer[] = [];
  private readonly movers: Viewer[] = [];
  /** Movers of the last half-rate flush: the outer ring of their view hears of them at the next full one. */
  private readonly lateMovers: Viewer[] = [];
  private flushes = 0;
  private readonly cells = new Map<number, Cell>();
  private readonly cellList: Cell[] = [];
  private readonly frame: RecordBuffer = recordBuffer(4096);

  constructor(
    readonly cellSize: number,
    /** Cells seen to either side, and up or down. */
    readonly reachX: number,
    readonly reachY: number,
  ) {}

  /**
   * Cells of a third of the radius, seen 3 cells to either side and 2 up or
   * down: everyone within `radius` sideways and two thirds of it vertically is
   * in view, the shape of a screen (the camera shows about 640 × 400 px or more).
   */
  static forRadius(radius: number, everyone: boolean): PositionStream {
    if (everyone) return new PositionStream(1 << 30, 0, 0);
    return new PositionStream(Math.max(32, Math.ceil(radius / 3)), 3, 2);
  }

  /** Whether cell (x, y) is in view from cell (cx, cy). */
  private sees(cx: number, cy: number, x: number, y: number): boolean {
    return Math.abs(x - cx) <= this.reachX && Math.abs(y - cy) <= this.reachY;
  }

  get size(): number {
    return this.viewers.length;
  }

  add(source: PositionSource, send: FrameSender | null): Viewer {
    const viewer: Viewer = {
      source,
      send,
      cell: NO_CELL,
      cx: 0,
      cy: 0,
      slot: -1,
      nextCx: 0,
      nextCy: 0,
      fromCx: -1,
      fromCy: -1,
      moved: false,
      removed: false,
      sentX: -1,
      sentY: -1,
      sentBits: -1,
      sentAck: -1,
      reset: true,
      extra: recordBuffer(256),
    };
    this.viewers.push(viewer);
    return viewer;
  }

  /** A dropped connection came back: the client starts from a full picture again. */
  reattach(viewer: Viewer, send: FrameSender): void {
    viewer.send = send;
    viewer.reset = true;
  }

  /** Connection lost while the seat is held: others still see them; they receive nothing. */
  detach(viewer: Viewer): void {
    viewer.send = null;
  }

  remove(viewer: Viewer): void {
    const at = this.viewers.indexOf(viewer);
    if (at < 0) return;
    this.viewers[at] = this.viewers[this.viewers.length - 1];
    this.viewers.pop();
    if (viewer.cell !== NO_CELL) this.leaveCell(viewer);
    viewer.send = null;
    viewer.removed = true;
  }

  /**
   * Sends this patch's frames. Every other flush is a half-rate one: people
   * in the outermost ring of cells a person sees (off screen, the margin that
   * has them ready before they walk into view) are updated at every other
   * patch only, which is most of the view's area and most of the bytes.
   */
  flush(): void {
    this.findMovers();
    for (let i = 0; i < this.viewers.length; i++) {
      const viewer = this.viewers[i];
      if (!viewer.send) continue;
      const changed = viewer.moved && (viewer.nextCx !== viewer.cx || viewer.nextCy !== viewer.cy || viewer.cell === NO_CELL);
      if (viewer.reset) this.writeWholeView(viewer);
      else if (changed) this.writeViewChange(viewer);
    }
    this.moveBetweenCells();
    const full = this.flushes++ % 2 === 0 || this.reachX === 0;
    this.writeCellRecords(full);
    if (full) this.writeLateMovers();
    else for (let i = 0; i < this.movers.length; i++) this.lateMovers.push(this.movers[i]);
    this.sendFrames();
  }

  /** Whether cell (x, y) is in the outermost ring of what cell (cx, cy) sees. */
  private outerRing(cx: number, cy: number, x: number, y: number): boolean {
    return Math.abs(x - cx) === this.reachX || Math.abs(y - cy) === this.reachY;
  }

  /**
   * Those skipped at the last flush hear where its movers are now (unless they
   * moved again: then they already did). The whole view of each, not just its
   * outer ring: a viewer who has since crossed into another cell may now see
   * them from an inner one.
   */
  private writeLateMovers(): void {
    const rx = this.reachX;
    const ry = this.reachY;
    for (let i = 0; i < this.lateMovers.length; i++) {
      const mover = this.lateMovers[i];
      if (mover.moved || mover.removed || mover.cell === NO_CELL) continue;
      const { cx, cy } = mover;
      for (let y = cy - ry; y <= cy + ry; y++) {
        for (let x = cx - rx; x <= cx + rx; x++) {
          const cell = this.cellAt(x, y);
          if (cell && cell.people.length > 0) writeViewerPose(cell.body, mover);
        }
      }
    }
    this.lateMovers.length = 0;
  }

  private cellOf(v: number): number {
    return Math.min(65_535, Math.max(0, Math.floor(v / this.cellSize)));
  }

  private findMovers(): void {
    this.movers.length = 0;
    for (let i = 0; i < this.viewers.length; i++) {
      const viewer = this.viewers[i];
      const { x, y, facing, moving } = viewer.source;
      const bits = poseBits(facing, moving);
      viewer.moved = viewer.cell === NO_CELL || x !== viewer.sentX || y !== viewer.sentY || bits !== viewer.sentBits;
      if (!viewer.moved) {
        viewer.nextCx = viewer.cx;
        viewer.nextCy = viewer.cy;
        continue;
      }
      viewer.sentX = x;
      viewer.sentY = y;
      viewer.sentBits = bits;
      viewer.nextCx = this.cellOf(x);
      viewer.nextCy = this.cellOf(y);
      this.movers.push(viewer);
    }
  }

  /**
   * Everyone in view who stood still (movers reach the viewer through the
   * cell records). Reads the cells as they were at the last flush, which for
   * people who stood still is where they are.
   */
  private writeWholeView(viewer: Viewer): void {
    const rx = this.reachX;
    const ry = this.reachY;
    for (let y = viewer.nextCy - ry; y <= viewer.nextCy + ry; y++) {
      for (let x = viewer.nextCx - rx; x <= viewer.nextCx + rx; x++) {
        this.writeStill(viewer.extra, x, y);
      }
    }
  }

  /** The difference between the view from the old cell and from the new one. */
  private writeViewChange(viewer: Viewer): void {
    const rx = this.reachX;
    const ry = this.reachY;
    const { cx, cy, nextCx, nextCy } = viewer;
    // First who is out of view now; a mover among them who is still in view is re-added by the cell records.
    for (let y = cy - ry; y <= cy + ry; y++) {
      for (let x = cx - rx; x <= cx + rx; x++) {
        if (this.sees(nextCx, nextCy, x, y)) continue;
        const cell = this.cellAt(x, y);
        if (!cell) continue;
        for (let i = 0; i < cell.people.length; i++) writeGone(viewer.extra, cell.people[i].source.num);
      }
    }
    for (let y = nextCy - ry; y <= nextCy + ry; y++) {
      for (let x = nextCx - rx; x <= nextCx + rx; x++) {
        if (this.sees(cx, cy, x, y)) continue;
        this.writeStill(viewer.extra, x, y);
      }
    }
  }

  private writeStill(out: RecordBuffer, x: number, y: number): void {
    const cell = this.cellAt(x, y);
    if (!cell) return;
    for (let i = 0; i < cell.people.length; i++) {
      const other = cell.people[i];
      if (!other.moved) writeViewerPose(out, other);
    }
  }

  private moveBetweenCells(): void {
    for (let i = 0; i < this.movers.length; i++) {
      const viewer = this.movers[i];
      if (viewer.cell !== NO_CELL && viewer.nextCx === viewer.cx && viewer.nextCy === viewer.cy) continue;
      const arrived = viewer.cell === NO_CELL;
      if (!arrived) {
        this.leaveCell(viewer);
        // The old cell, for the "gone" records below.
        viewer.fromCx = viewer.cx;
        viewer.fromCy = viewer.cy;
      }
      viewer.cx = viewer.nextCx;
      viewer.cy = viewer.nextCy;
      viewer.cell = cellKey(viewer.cx, viewer.cy);
      const cell = this.cellFor(viewer.cell);
      viewer.slot = cell.people.length;
      cell.people.push(viewer);
    }
  }

  /**
   * Each mover's record goes to the cells that see them now (at a half-rate
   * flush, not to the outer ring); a "gone" to those that saw them and no
   * longer do (always at once: nobody keeps someone they cannot see).
   */
  private writeCellRecords(full: boolean): void {
    for (let i = 0; i < this.cellList.length; i++) this.cellList[i].body.length = 0;
    const rx = this.reachX;
    const ry = this.reachY;
    for (let i = 0; i < this.movers.length; i++) {
      const mover = this.movers[i];
      const { cx, cy } = mover;
      for (let y = cy - ry; y <= cy + ry; y++) {
        for (let x = cx - rx; x <= cx + rx; x++) {
          if (!full && this.outerRing(cx, cy, x, y)) continue;
          const cell = this.cellAt(x, y);
          if (cell && cell.people.length > 0) writeViewerPose(cell.body, mover);
        }
      }
      const ox = mover.fromCx;
      const oy = mover.fromCy;
      if (ox < 0) continue;
      mover.fromCx = -1;
      mover.fromCy = -1;
      for (let y = oy - ry; y <= oy + ry; y++) {
        for (let x = ox - rx; x <= ox + rx; x++) {
          if (this.sees(cx, cy, x, y)) continue;
          const cell = this.cellAt(x, y);
          if (cell && cell.people.length > 0) writeGone(cell.body, mover.source.num);
        }
      }
    }
  }

  private sendFrames(): void {
    const frame = this.frame;
    for (let i = 0; i < this.viewers.length; i++) {
      const viewer = this.viewers[i];
      const send = viewer.send;
      if (!send || viewer.cell === NO_CELL) continue;
      const body = this.cells.get(viewer.cell)!.body;
      const ack = viewer.source.ack;
      if (!viewer.reset && viewer.extra.length === 0 && body.length === 0 && ack === viewer.sentAck) continue;
      frame.length = 0;
      reserve(frame, FRAME_HEADER_BYTES + viewer.extra.length + body.length);
      frame.length = writeFrameHeader(frame.bytes, 0, viewer.reset, ack);
      append(frame, viewer.extra);
      append(frame, body);
      viewer.reset = false;
      viewer.sentAck = ack;
      viewer.extra.length = 0;
      send(frame.bytes.subarray(0, frame.length));
    }
  }

  private cellAt(x: number, y: number): Cell | undefined {
    if (x < 0 || y < 0 || x > 65_535 || y > 65_535) return undefined;
    return this.cells.get(cellKey(x, y));
  }

  private cellFor(key: number): Cell {
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { people: [], body: recordBuffer(512) };
      this.cells.set(key, cell);
      this.cellList.push(cell);
    }
    return cell;
  }

  private leaveCell(viewer: Viewer): void {
    const people = this.cells.get(viewer.cell)!.people;
    const last = people[people.length - 1];
    people[viewer.slot] = last;
    last.slot = viewer.slot;
    people.pop();
    viewer.slot = -1;
  }
}

function writeViewerPose(out: RecordBuffer, viewer: Viewer): void {
  writePose(out, viewer.source.num, viewer.sentX, viewer.sentY, viewer.sentBits);
}
