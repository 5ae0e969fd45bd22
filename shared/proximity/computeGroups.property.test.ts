import type { WallGrid } from "../map/lineOfSight";
import { computeGroups } from "./computeGroups";
import { naiveGroups } from "./naiveGroups";
import { GroupingScratch } from "./scratch";
import { resolveGroupingSettings, type GroupingSettings } from "./settings";
import type { GroupingResult, PresenceStatus, ProximityPerson } from "./types";
import { mulberry32 as prng } from "../random";


const T = 32;
const W = 40; // tiles

function randomPeople(rand: () => number, n: number, withStatusesAndZones: boolean): ProximityPerson[] {
  const centres = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => [2 + rand() * (W - 4), 2 + rand() * (W - 4)] as const);
  const statuses: PresenceStatus[] = ["available", "available", "available", "busy", "focus", "away"];
  return Array.from({ length: n }, (_, k) => {
    const clustered = rand() < 0.8;
    const [cx, cy] = centres[Math.floor(rand() * centres.length)]!;
    const tx = clustered ? cx + (rand() - 0.5) * 6 : 1 + rand() * (W - 2);
    const ty = clustered ? cy + (rand() - 0.5) * 6 : 1 + rand() * (W - 2);
    return {
      // Ids not in index order, so sorting by id and by index differ.
      id: `p${(k * 7919) % 1000}-${k}`,
      x: Math.round(Math.min(Math.max(tx, 0.5), W - 0.5) * T),
      y: Math.round(Math.min(Math.max(ty, 0.5), W - 0.5) * T),
      status: withStatusesAndZones ? statuses[Math.floor(rand() * statuses.length)]! : "available",
      zone: withStatusesAndZones && rand() < 0.2 ? 1 + Math.floor(rand() * 2) : null,
    };
  });
}

function randomWalls(rand: () => number): WallGrid {
  const walls = new Uint8Array(W * W);
  for (let k = 0; k < 6; k++) {
    // A wall segment with a one-tile door somewhere along it.
    const horizontal = rand() < 0.5;
    const at = 2 + Math.floor(rand() * (W - 4));
    const from = Math.floor(rand() * (W / 2));
    const len = 5 + Math.floor(rand() * (W / 2));
    const door = from + Math.floor(rand() * len);
    for (let s = from; s < Math.min(from + len, W); s++) {
      if (s === door) continue;
      walls[horizontal ? at * W + s : s * W + at] = 1;
    }
  }
  return { width: W, height: W, tileSize: T, walls };
}

function randomSettings(rand: () => number): GroupingSettings {
  const form = 1 + rand() * 3;
  return resolveGroupingSettings({
    formRadiusTiles: form,
    leaveRadiusTiles: form + rand() * 2,
    maxGroupSize: 2 + Math.floor(rand() * 6),
  });
}

function plain(r: GroupingResult) {
  return { groups: [...r.groups.entries()], refused: r.refused, nextGroupSeq: r.nextGroupSeq };
}

describe("computeGroups matches the naive O(n²) reference", () => {
  it("on random first calls without walls", () => {
    const rand = prng(20261121);
    const scratch = new GroupingScratch();
    let refusals = 0;
    let groups = 0;
    for (let round = 0; round < 100; round++) {
      const people = randomPeople(rand, 2 + Math.floor(rand() * 120), false);
      const settings = randomSettings(rand);
      const fast = computeGroups({ people }, null, settings, scratch);
      expect(plain(fast)).toEqual(plain(naiveGroups({ people }, null, settings)));
      refusals += fast.refused.length;
      groups += fast.groups.size;
    }
    // The cases must actually exercise the cap and the grouping.
    expect(refusals).toBeGreaterThan(10);
    expect(groups).toBeGreaterThan(200);
  });

  it("over many moving steps with walls, zones, statuses and hysteresis", () => {
    const rand = prng(7);
    const scratch = new GroupingScratch();
    let kept = 0;
    for (let run = 0; run < 8; run++) {
      const map = randomWalls(rand);
      const settings = randomSettings(rand);
      let people = randomPeople(rand, 30 + Math.floor(rand() * 60), true);
      let previous: GroupingResult | null = null;
      for (let step = 0; step < 20; step++) {
        const fast = computeGroups({ people, map }, previous, settings, scratch);
        const slow = naiveGroups({ people, map }, previous, settings);
        expect(plain(fast)).toEqual(plain(slow));
        if (previous) for (const id of fast.groups.keys()) if (previous.groups.has(id)) kept++;
        previous = fast;
        people = people.map((p) => ({
          ...p,
          x: Math.round(Math.min(Math.max(p.x + (rand() - 0.5) * 40, 16), W * T - 16)),
          y: Math.round(Math.min(Math.max(p.y + (rand() - 0.5) * 40, 16), W * T - 16)),
          status: rand() < 0.05 ? (["available", "busy", "focus", "away"] as const)[Math.floor(rand() * 4)]! : p.status,
        }));
      }
    }
    expect(kept).toBeGreaterThan(100);
  });
});
