import type { OfficeMap, Point } from "../../shared/map/types";
import { zoneAt } from "../../shared/map/zones";

/** The name of the innermost zone containing a feet point, or null when outside every zone. */
export function zoneNameAt(map: OfficeMap, point: Point): string | null {
  return zoneAt(map, point.x, point.y)?.name ?? null;
}
