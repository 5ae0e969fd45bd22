import { ensureFloat64, ensureInt32, ensureUint8 } from "./growable";
import type { GroupingScratch } from "./scratch";
import type { PresenceStatus, PreviousGrouping, ProximityPerson } from "./types";

/** Coordinates beyond this are not a position in any office (and would overflow the hash's cells). */
export const MAX_COORDINATE_PX = 1e9;

const TAKES_PART: Record<PresenceStatus, boolean> = { available: true, busy: true, focus: false, away: false };

/**
 * Validate `people` and load those who take part (available or busy) into the
 * scratch arrays as indices 0..count-1; returns count. Throws a TypeError naming
 * the first bad entry, so a caller bug never turns into silent wrong groups.
 */
export function readPeople(people: readonly ProximityPerson[], previous: PreviousGrouping | null, s: GroupingScratch): number {
  if (!Array.isArray(people)) throw new TypeError("computeGroups: input.people must be an array");
  const n = people.length;
  s.xs = ensureFloat64(s.xs, n);
  s.ys = ensureFloat64(s.ys, n);
  s.source = ensureInt32(s.source, n);
  s.prevGroup = ensureInt32(s.prevGroup, n);
  s.zone = ensureInt32(s.zone, n);
  s.available = ensureUint8(s.available, n);
  // Duplicate ids are found with a per-call stamp instead of clearing a set: in a steady room
  // the same ids come back every call, so updating their stamps allocates nothing.
  const stamp = ++s.callStamp;
  if (s.seenIds.size > 2 * n + 1024) s.seenIds.clear();
  s.prevIndex.clear();
  s.prevIds.length = 0;
  s.zoneIndex.clear();
  const prevGroupOf = previous?.groupOf;

  let count = 0;
  for (let k = 0; k < n; k++) {
    const person = people[k];
    if (typeof person !== "object" || person === null) throw new TypeError(`computeGroups: people[${k}] must be an object`);
    const { id, x, y } = person;
    const status: unknown = person.status;
    if (typeof id !== "string" || id.length === 0) throw new TypeError(`computeGroups: people[${k}].id must be a non-empty string`);
    if (s.seenIds.get(id) === stamp) throw new TypeError(`computeGroups: people[${k}].id "${id}" appears more than once`);
    s.seenIds.set(id, stamp);
    if (!isCoordinate(x) || !isCoordinate(y)) {
      throw new TypeError(`computeGroups: people[${k}] ("${id}") needs finite x and y within ±${MAX_COORDINATE_PX} px`);
    }
    if (typeof status !== "string" || !Object.prototype.hasOwnProperty.call(TAKES_PART, status)) {
      throw new TypeError(`computeGroups: people[${k}] ("${id}") has unknown status ${JSON.stringify(status)}`);
    }
    const zone = person.zone ?? null;
    if (zone !== null && typeof zone !== "string" && typeof zone !== "number") {
      throw new TypeError(`computeGroups: people[${k}] ("${id}") zone must be a string, a number or null`);
    }
    if (!TAKES_PART[status as PresenceStatus]) continue;

    const i = count++;
    s.xs[i] = x;
    s.ys[i] = y;
    s.source[i] = k;
    s.ids[i] = id;
    s.available[i] = status === "available" ? 1 : 0;
    s.zone[i] = zone === null ? 0 : zoneNumber(s, zone);
    const prevId = prevGroupOf?.get(id);
    s.prevGroup[i] = prevId === undefined ? -1 : prevNumber(s, prevId);
  }
  s.ids.length = count;
  return count;
}

function isCoordinate(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE_PX;
}

/** Zone keys become small integers (0 = no zone) so the pair loop compares numbers. */
function zoneNumber(s: GroupingScratch, key: string | number): number {
  let z = s.zoneIndex.get(key);
  if (z === undefined) {
    z = s.zoneIndex.size + 1;
    s.zoneIndex.set(key, z);
  }
  return z;
}

function prevNumber(s: GroupingScratch, groupId: string): number {
  let p = s.prevIndex.get(groupId);
  if (p === undefined) {
    p = s.prevIds.length;
    s.prevIndex.set(groupId, p);
    s.prevIds.push(groupId);
  }
  return p;
}
