import { declutterEmotes, distanceToPerson, overlaps, type EmotePlace, type Person, type Rect } from "./declutterEmotes";
import { declutterTags, type TagBox } from "./declutterTags";

/**
 * People as the scene draws them at zoom 1: a 32x48 figure with its feet at
 * (x, feet) and a 13-high tag 2 px above its head, stacked by declutterTags
 * first; emotes 32 px square, as on the page.
 */
function crowd(spec: Array<{ x: number; feet: number; self?: boolean; tagWidth?: number }>): Person[] {
  const boxes: TagBox[] = spec.map((p) => ({ x: p.x, bottom: p.feet - 50, width: p.tagWidth ?? 60, height: 13, self: !!p.self, lift: 0 }));
  const byBox = new Map(boxes.map((b, i) => [b, spec[i]]));
  declutterTags([...boxes]);
  return boxes.map((b) => {
    const p = byBox.get(b)!;
    return {
      tag: { x: b.x - b.width / 2, y: b.bottom - b.lift - b.height, width: b.width, height: b.height },
      body: { x: p.x - 16, y: p.feet - 48, width: 32, height: 48 },
      self: b.self,
    };
  });
}

const emoteOf = (owner: Person): EmotePlace => ({ owner, width: 32, height: 32, x: NaN, y: NaN });

/** Everything wrong with the placed emotes: covering a tag, a figure or another emote, or nearer someone else. */
function problems(people: readonly Person[], emotes: readonly EmotePlace[]): string[] {
  const out: string[] = [];
  const name = (p: Person) => String(people.indexOf(p));
  for (const e of emotes) {
    for (const p of people) {
      if (overlaps(e, p.tag)) out.push(`${name(e.owner)}'s emote on ${name(p)}'s tag`);
      if (overlaps(e, p.body)) out.push(`${name(e.owner)}'s emote on ${name(p)}'s figure`);
      if (p !== e.owner && distanceToPerson(p, e) <= distanceToPerson(e.owner, e)) out.push(`${name(e.owner)}'s emote nearer ${name(p)}`);
    }
    for (const f of emotes) if (f !== e && overlaps(e, f)) out.push(`${name(e.owner)}'s emote on ${name(f.owner)}'s`);
  }
  return out;
}

const tagsOf = (people: readonly Person[]): Rect[] => people.map((p) => ({ ...p.tag }));

test("alone, an emote sits centred just above its own tag", () => {
  const [me] = crowd([{ x: 100, feet: 200, self: true }]);
  const emote = emoteOf(me);
  declutterEmotes([me], [emote]);
  expect(emote.x + emote.width / 2).toBe(me.tag.x + me.tag.width / 2);
  expect(emote.y + emote.height).toBe(me.tag.y - 2);
});

test("three side by side a tile apart, all emoting: no emote covers a tag, a figure or another emote, each is nearest its owner, tags stay put", () => {
  const people = crowd([{ x: 68, feet: 200 }, { x: 100, feet: 200, self: true }, { x: 132, feet: 200 }]);
  const before = tagsOf(people);
  expect(new Set(people.map((p) => p.tag.y)).size).toBeGreaterThan(1); // the tags really are stacked
  const emotes = people.map(emoteOf);
  declutterEmotes(people, emotes);
  expect(problems(people, emotes)).toEqual([]);
  expect(tagsOf(people)).toEqual(before);
});

test("three closer than their figures are wide: the middle one's emote goes to its feet, the only spot nearest it", () => {
  const people = crowd([{ x: 76, feet: 200 }, { x: 100, feet: 200, self: true }, { x: 124, feet: 200 }]);
  const emotes = people.map(emoteOf);
  declutterEmotes(people, emotes);
  expect(problems(people, emotes)).toEqual([]);
  const mine = emotes.find((e) => e.owner.self)!;
  expect([mine.x + mine.width / 2, mine.y]).toEqual([100, 202]);
});

test("the lower tag's emote does not land on the neighbour's lifted tag (over its own tag, it would)", () => {
  const [me, them] = crowd([{ x: 100, feet: 200, self: true }, { x: 124, feet: 200 }]);
  const emote = emoteOf(me);
  const overOwnTag = { x: me.tag.x + me.tag.width / 2 - 16, y: me.tag.y - 2 - 32, width: 32, height: 32 };
  expect(overlaps(overOwnTag, them.tag)).toBe(true);
  declutterEmotes([me, them], [emote]);
  expect(problems([me, them], [emote])).toEqual([]);
});

test("someone in front of a pair: their emote does not land on the head of the one behind", () => {
  // As at the spawn: you and a neighbour side by side, a third person a couple of tiles in front of you.
  const people = crowd([{ x: 100, feet: 200, self: true }, { x: 132, feet: 200 }, { x: 100, feet: 260 }]);
  const front = people[2];
  const overOwnTag = { x: front.tag.x + front.tag.width / 2 - 16, y: front.tag.y - 2 - 32, width: 32, height: 32 };
  expect(overlaps(overOwnTag, people[0].body)).toBe(true);
  const emotes = people.map(emoteOf);
  declutterEmotes(people, emotes);
  expect(problems(people, emotes)).toEqual([]);
});

test("your own emote is placed first and keeps the spot above your tag", () => {
  // Two tags apart, but emotes wide enough to meet over the gap: yours stays, theirs moves.
  const people = crowd([{ x: 140, feet: 200 }, { x: 100, feet: 200, self: true }].map((p) => ({ ...p, tagWidth: 36 })));
  const [theirs, mine] = people.map((p) => ({ ...emoteOf(p), width: 48 }));
  declutterEmotes(people, [theirs, mine]);
  expect(mine.y + mine.height).toBe(people[1].tag.y - 2);
  expect(mine.x + mine.width / 2).toBe(100);
  expect(overlaps(mine, theirs)).toBe(false);
});

test("a packed crowd is bounded: an emote rises past at most a few boxes", () => {
  const people = crowd(Array.from({ length: 50 }, (_, i) => ({ x: 100, feet: 200, self: i === 0 })));
  const emotes = people.map(emoteOf);
  declutterEmotes(people, emotes);
  // Unbounded, the last would stand 50 emotes high; each rise step passes one box (a figure at most 48 high).
  for (const e of emotes) expect(e.owner.tag.y - e.y).toBeLessThanOrEqual(2 + 32 + 10 * (48 + 2 + 32));
});
