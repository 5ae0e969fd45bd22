/**
 * Name tags that would overlap are stacked instead (issue 16: people side by
 * side had their tags on top of each other, so neither could be read). Pure:
 * boxes in, a lift per box out. Your own tag never moves (it is what you look
 * for); then whoever stands lower on screen keeps theirs, and tags behind
 * them rise just above. A crowd is bounded: a tag rises past at most
 * MAX_STEPS others, so a packed room costs a fixed amount per tag.
 */

export interface TagBox {
  /** Centre x and bottom edge of the tag where it would sit unlifted, in map pixels. */
  x: number;
  bottom: number;
  width: number;
  height: number;
  self: boolean;
  /** Output: how far up to draw the tag, in map pixels. */
  lift: number;
}

/** Space kept between stacked tags, in map pixels. */
const GAP = 1;
const MAX_STEPS = 4;

/** Sets `lift` on every box so that no two overlap (up to MAX_STEPS per box); reorders `boxes`. */
export function declutterTags(boxes: TagBox[]): void {
  boxes.sort((a, b) => Number(b.self) - Number(a.self) || b.bottom - a.bottom || a.x - b.x);
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i];
    box.lift = 0;
    for (let step = 0; step < MAX_STEPS; step++) {
      const hit = firstOverlap(boxes, i, box);
      if (hit === null) break;
      // Rise until this tag's bottom sits just above the one it hit.
      box.lift = box.bottom - (hit.bottom - hit.lift - hit.height) + GAP;
    }
  }
}

function firstOverlap(boxes: readonly TagBox[], placed: number, box: TagBox): TagBox | null {
  const bottom = box.bottom - box.lift;
  const top = bottom - box.height;
  for (let j = 0; j < placed; j++) {
    const other = boxes[j];
    if (Math.abs(other.x - box.x) * 2 >= other.width + box.width) continue;
    const otherBottom = other.bottom - other.lift;
    if (otherBottom - other.height < bottom && top < otherBottom) return other;
  }
  return null;
}
