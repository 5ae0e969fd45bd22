import { readFrameHeader, readFrameRecords } from "../../../shared/protocol/positionFrame";
import { PositionStream, type PositionSource, type Viewer } from "./PositionStream";

interface Person extends PositionSource {
  num: number;
  x: number;
  y: number;
  facing: string;
  moving: boolean;
  ack: number;
}

/** What one client knows after reading its frames, the way the browser keeps it. */
class Receiver {
  readonly known = new Map<number, { x: number; y: number; facing: string; moving: boolean }>();
  ack = 0;
  frames = 0;
  bytes = 0;
  receive = (frame: Uint8Array): void => {
    this.frames++;
    this.bytes += frame.length;
    const header = readFrameHeader(frame);
    if (header.reset) this.known.clear();
    readFrameRecords(frame, (record) => {
      if (record.visible) this.known.set(record.num, { x: record.x, y: record.y, facing: record.facing, moving: record.moving });
      else this.known.delete(record.num);
    });
    this.ack = header.ack;
  };
}

/** The reference: who a person at `me` must see, computed the slow, obvious way. */
function expectedView(stream: PositionStream, me: Person, people: Person[]) {
  const cell = (v: number) => Math.floor(v / stream.cellSize);
  const seen = new Map<number, { x: number; y: number; facing: string; moving: boolean }>();
  for (const other of people) {
    const near = Math.abs(cell(other.x) - cell(me.x)) <= stream.reachX && Math.abs(cell(other.y) - cell(me.y)) <= stream.reachY;
    if (near) seen.set(other.num, { x: other.x, y: other.y, facing: other.facing, moving: other.moving });
  }
  return seen;
}

type View = Map<number, { x: number; y: number; facing: string; moving: boolean }>;

/** The part of a view within the inner cells (not the outermost ring). */
function inner(stream: PositionStream, me: Person, view: View, people: Person[]): View {
  const cell = (v: number) => Math.floor(v / stream.cellSize);
  const innerNums = new Set(
    people
      .filter((o) => Math.abs(cell(o.x) - cell(me.x)) < stream.reachX && Math.abs(cell(o.y) - cell(me.y)) < stream.reachY)
      .map((o) => o.num),
  );
  return new Map([...view].filter(([num]) => innerNums.has(num)));
}

function sameView(a: View, b: View): boolean {
  if (a.size !== b.size) return false;
  for (const [num, p] of a) {
    const q = b.get(num);
    if (!q || q.x !== p.x || q.y !== p.y || q.facing !== p.facing || q.moving !== p.moving) return false;
  }
  return true;
}

/** A small deterministic generator, so a failure replays. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

describe("PositionStream", () => {
  test("each person's frames give exactly the people within reach, with their positions, through walks, jumps, joins, drops and leaves", () => {
    const rand = random(7);
    const stream = new PositionStream(100, 3, 2);
    const people: Person[] = [];
    const receivers = new Map<number, Receiver>();
    const viewers = new Map<number, Viewer>();
    let nextNum = 1;
    const join = () => {
      const person: Person = { num: nextNum++, x: Math.floor(rand() * 2000), y: Math.floor(rand() * 1500), facing: "down", moving: false, ack: 0 };
      const receiver = new Receiver();
      people.push(person);
      receivers.set(person.num, receiver);
      viewers.set(person.num, stream.add(person, receiver.receive));
    };
    for (let i = 0; i < 60; i++) join();
    const dropped = new Set<number>();
    let checked = 0;

    for (let flush = 0; flush < 300; flush++) {
      for (const person of people) {
        const roll = rand();
        if (roll < 0.3) {
          person.x = Math.max(0, Math.min(2000, person.x + Math.round((rand() - 0.5) * 40)));
          person.y = Math.max(0, Math.min(1500, person.y + Math.round((rand() - 0.5) * 40)));
          person.moving = true;
          person.ack++;
        } else if (roll < 0.32) {
          person.x = Math.floor(rand() * 2000);
          person.y = Math.floor(rand() * 1500);
        } else if (roll < 0.35) {
          person.moving = false;
          person.facing = ["down", "left", "right", "up"][Math.floor(rand() * 4)];
        }
      }
      const roll = rand();
      if (roll < 0.1) join();
      else if (roll < 0.15 && people.length > 10) {
        const gone = people.splice(Math.floor(rand() * people.length), 1)[0];
        stream.remove(viewers.get(gone.num)!);
        receivers.delete(gone.num);
        dropped.delete(gone.num);
        // The state's member removal tells every client; the stream need not.
        for (const receiver of receivers.values()) receiver.known.delete(gone.num);
      } else if (roll < 0.2) {
        const who = people[Math.floor(rand() * people.length)];
        stream.detach(viewers.get(who.num)!);
        dropped.add(who.num);
      } else if (roll < 0.25 && dropped.size > 0) {
        const back = [...dropped][0];
        dropped.delete(back);
        const receiver = new Receiver();
        receivers.set(back, receiver);
        stream.reattach(viewers.get(back)!, receiver.receive);
      }

      stream.flush();

      for (const person of people) {
        if (dropped.has(person.num)) continue;
        const receiver = receivers.get(person.num)!;
        const expected = expectedView(stream, person, people);
        // Every other flush updates the outer ring of a view at half rate: there, only the inner
        // cells must be exact, and nobody out of view may be kept.
        const full = flush % 2 === 0;
        const known = full ? receiver.known : inner(stream, person, receiver.known, people);
        const want = full ? expected : inner(stream, person, expected, people);
        // One expect per mismatch only: 18,000 deep comparisons of Maps would take seconds.
        if (!sameView(known, want)) expect([flush, person.num, known]).toEqual([flush, person.num, want]);
        for (const num of receiver.known.keys()) if (!expected.has(num)) expect([flush, person.num, "keeps", num]).toEqual([flush, person.num, "keeps nobody out of view"]);
        if (receiver.ack !== person.ack) expect([flush, person.num, receiver.ack]).toEqual([flush, person.num, person.ack]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15_000);
  });

  test("nothing is sent to anyone when nobody moved", () => {
    const stream = new PositionStream(100, 3, 2);
    const receivers = [new Receiver(), new Receiver()];
    stream.add({ num: 1, x: 10, y: 10, facing: "down", moving: false, ack: 0 }, receivers[0].receive);
    stream.add({ num: 2, x: 50, y: 10, facing: "down", moving: false, ack: 0 }, receivers[1].receive);
    stream.flush();
    expect(receivers.map((r) => r.frames)).toEqual([1, 1]);
    stream.flush();
    stream.flush();
    expect(receivers.map((r) => r.frames)).toEqual([1, 1]);
  });

  test("the outer ring of a view hears of a move at the next full flush, exactly once", () => {
    const stream = new PositionStream(100, 3, 2);
    const walker = { num: 1, x: 10, y: 10, facing: "down", moving: false, ack: 0 };
    const edge = new Receiver();
    stream.add(walker, new Receiver().receive);
    // Three cells to the right: the outermost ring of what the walker's cell sees, and the other way round.
    stream.add({ num: 2, x: 350, y: 10, facing: "down", moving: false, ack: 0 }, edge.receive);
    stream.flush(); // full
    expect(edge.known.get(1)?.x).toBe(10);
    walker.x = 18;
    stream.flush(); // half rate: the edge is not told
    expect(edge.known.get(1)?.x).toBe(10);
    stream.flush(); // full: the edge catches up although the walker stood still since
    expect(edge.known.get(1)?.x).toBe(18);
    const frames = edge.frames;
    stream.flush();
    stream.flush();
    expect(edge.frames).toBe(frames);
  });

  test("a move costs one record per person in view: header plus 6 bytes", () => {
    const stream = new PositionStream(100, 3, 2);
    const walker = { num: 1, x: 10, y: 10, facing: "down", moving: false, ack: 0 };
    const watcher = new Receiver();
    const farAway = new Receiver();
    stream.add(walker, new Receiver().receive);
    stream.add({ num: 2, x: 60, y: 10, facing: "down", moving: false, ack: 0 }, watcher.receive);
    stream.add({ num: 3, x: 1000, y: 10, facing: "down", moving: false, ack: 0 }, farAway.receive);
    stream.flush();
    const [bytesBefore, farBefore] = [watcher.bytes, farAway.frames];
    walker.x += 8;
    walker.moving = true;
    stream.flush();
    expect(watcher.bytes - bytesBefore).toBe(5 + 6);
    expect(watcher.known.get(1)).toEqual({ x: 18, y: 10, facing: "down", moving: true });
    expect(farAway.frames).toBe(farBefore);
  });

  test("with everyone in one cell (interest off), everyone sees everyone however far", () => {
    const stream = PositionStream.forRadius(480, true);
    const a = new Receiver();
    stream.add({ num: 1, x: 0, y: 0, facing: "down", moving: false, ack: 0 }, a.receive);
    stream.add({ num: 2, x: 6_000, y: 6_000, facing: "up", moving: false, ack: 0 }, null);
    stream.flush();
    expect(a.known.get(2)).toEqual({ x: 6_000, y: 6_000, facing: "up", moving: false });
  });
});
