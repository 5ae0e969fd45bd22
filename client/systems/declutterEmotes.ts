/**
 * Where each showing emote goes (issue 16), after the name tags were stacked
 * (declutterTags). Pure: rectangles in, a place per emote out, in any one
 * unit (the page uses page pixels).
 *
 * An emote must not cover anyone's name tag or figure, nor another emote, and
 * must read as its owner's: nearer its owner than anyone else. Above its own
 * tag is the usual place, but beside people standing side by side that spot
 * is a neighbour's lifted tag, or a neighbour's head when someone stands
 * behind; rising straight up from there ends up by the neighbour's tag. So each
 * emote tries a few spots around its owner in turn and takes the first that
 * is clear and nearest its owner. Tags do not move for an emote that shows
 * for a few seconds: the names everyone reads stay still.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Person {
  /** The name tag as drawn (after its lift). */
  tag: Rect;
  /** The avatar's figure (the sprite's frame). */
  body: Rect;
  self: boolean;
}

export interface EmotePlace {
  owner: Person;
  width: number;
  height: number;
  /** Output: the emote's top-left corner. */
  x: number;
  y: number;
}

/** Space kept between an emote and what it stands beside. */
const GAP = 2;
/** Rising from above the tag, an emote passes at most this many boxes (a packed crowd costs a bounded amount). */
const MAX_RISE_STEPS = 10;

/**
 * Sets `x` and `y` of every emote: the first of above its tag, right or left
 * of its tag, right or left of its head, below its feet, or risen straight up
 * from above its tag past whatever is there, that covers nothing and is
 * nearest its owner;
 * failing that the first that covers nothing; failing that the risen spot.
 * Your own emote is placed first, then those of people lower on screen (as
 * for tags); reorders `emotes`.
 */
export function declutterEmotes(people: readonly Person[], emotes: EmotePlace[]): void {
  emotes.sort(
    (a, b) =>
      Number(b.owner.self) - Number(a.owner.self) || bottom(b.owner.tag) - bottom(a.owner.tag) || a.owner.tag.x - b.owner.tag.x,
  );
  for (let i = 0; i < emotes.length; i++) {
    const emote = emotes[i];
    const { tag, body } = emote.owner;
    const { width: w, height: h } = emote;
    const besideTag = tag.y + tag.height / 2 - h / 2;
    const spots: Array<[number, number]> = [
      [tag.x + tag.width / 2 - w / 2, tag.y - GAP - h],
      [tag.x + tag.width + GAP, besideTag],
      [tag.x - GAP - w, besideTag],
      [body.x + body.width + GAP, body.y],
      [body.x - GAP - w, body.y],
      // Between two neighbours a tile away every spot up there is nearer one of them; at the feet it is not.
      [body.x + body.width / 2 - w / 2, body.y + body.height + GAP],
    ];
    const rise = risen(people, emotes, i);
    spots.push(rise);
    let clear: [number, number] | null = null;
    let chosen: [number, number] | null = null;
    for (const spot of spots) {
      [emote.x, emote.y] = spot;
      if (firstHit(people, emotes, i, emote) !== null) continue;
      if (nearestIsOwner(people, emote)) {
        chosen = spot;
        break;
      }
      clear ??= spot;
    }
    [emote.x, emote.y] = chosen ?? clear ?? rise;
  }
}

/** The spot above the owner's tag, raised past each box it would cover (up to MAX_RISE_STEPS). */
function risen(people: readonly Person[], emotes: EmotePlace[], placed: number): [number, number] {
  const emote = emotes[placed];
  const { tag } = emote.owner;
  emote.x = tag.x + tag.width / 2 - emote.width / 2;
  emote.y = tag.y - GAP - emote.height;
  for (let step = 0; step < MAX_RISE_STEPS; step++) {
    const hit = firstHit(people, emotes, placed, emote);
    if (hit === null) break;
    emote.y = Math.min(emote.y, hit.y - GAP - emote.height);
  }
  return [emote.x, emote.y];
}

/** The first tag, figure or earlier-placed emote that `emote` covers. */
function firstHit(people: readonly Person[], emotes: readonly EmotePlace[], placed: number, emote: Rect): Rect | null {
  for (const person of people) {
    if (overlaps(person.tag, emote)) return person.tag;
    if (overlaps(person.body, emote)) return person.body;
  }
  for (let j = 0; j < placed; j++) if (overlaps(emotes[j], emote)) return emotes[j];
  return null;
}

/** Whether the emote's centre is nearer its owner's tag or figure than anyone else's. */
function nearestIsOwner(people: readonly Person[], emote: EmotePlace): boolean {
  const own = distanceToPerson(emote.owner, emote);
  return people.every((person) => person === emote.owner || distanceToPerson(person, emote) > own);
}

/** From the centre of `r` to the nearest point of the person's tag or figure. */
export function distanceToPerson(person: Person, r: Rect): number {
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  return Math.min(distanceToRect(person.tag, cx, cy), distanceToRect(person.body, cx, cy));
}

function distanceToRect(r: Rect, x: number, y: number): number {
  const dx = Math.max(r.x - x, 0, x - (r.x + r.width));
  const dy = Math.max(r.y - y, 0, y - (r.y + r.height));
  return Math.hypot(dx, dy);
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function bottom(r: Rect): number {
  return r.y + r.height;
}
