import type { OfficeMap, Zone } from "../map/types";
import { pointInZone } from "../map/zones";

/**
 * A stage on the map: the hall (a `stage` zone without `platform`) and the
 * platforms drawn inside it (`stage` zones with `platform: true`). People on a
 * platform speak; everyone else in the hall is the audience. A platform drawn
 * outside any hall is a stage of its own with no audience area.
 */
export interface Stage {
  /** The zone that names the stage (the hall, or the lone platform). */
  hall: Zone;
  platforms: Zone[];
}

function centre(zone: Zone): { x: number; y: number } {
  // A vertex-average can fall outside a concave outline; the bounds' centre is what authors draw around.
  return { x: zone.bounds.x + zone.bounds.width / 2, y: zone.bounds.y + zone.bounds.height / 2 };
}

/** Every stage of a map, halls in map order. */
export function stagesOf(map: Pick<OfficeMap, "zones">): Stage[] {
  const halls = map.zones.filter((z) => z.type === "stage" && !z.platform);
  const stages = halls.map((hall) => ({ hall, platforms: [] as Zone[] }));
  for (const platform of map.zones.filter((z) => z.type === "stage" && z.platform)) {
    const c = centre(platform);
    const owner = stages.find((s) => pointInZone(s.hall, c.x, c.y));
    if (owner) owner.platforms.push(platform);
    else stages.push({ hall: platform, platforms: [platform] });
  }
  return stages;
}

/** Zone id → its stage, for the hall and every platform. */
export function stageIndex(stages: readonly Stage[]): Map<number, Stage> {
  const index = new Map<number, Stage>();
  for (const stage of stages) {
    index.set(stage.hall.id, stage);
    for (const p of stage.platforms) index.set(p.id, stage);
  }
  return index;
}
