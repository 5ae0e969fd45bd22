import { importMap } from "../../shared/map/parseMap";
import type { ActiveMap, MapSource } from "../deps";
import type { Repositories } from "../db/repositories";

/** Parsed maps kept in memory; each is a few hundred KB at most. */
const CACHE_LIMIT = 16;

/**
 * A space's active map from the database. The space is read on every call so
 * an activation through the API takes effect at once; parsing happens once per
 * stored version (versions are immutable, so the cache never goes stale).
 */
export class DbMapSource implements MapSource {
  private readonly parsed = new Map<string, ActiveMap>();

  constructor(private readonly repos: Repositories) {}

  async activeMap(slug: string): Promise<ActiveMap | null> {
    const space = await this.repos.spaces.findBySlug(slug);
    if (!space?.activeMap) return null;
    const key = space.activeMap.toHexString();
    const cached = this.parsed.get(key);
    if (cached) return cached;
    const doc = await this.repos.maps.get(space._id, space.activeMapVersion);
    if (!doc) return null;
    // Versions stored before the import normalised maps are normalised here, so clients always get the same shape.
    const imported = importMap(doc.tiled);
    const active: ActiveMap = { tiled: imported.tiled, map: imported.map, version: doc.version };
    if (this.parsed.size >= CACHE_LIMIT) this.parsed.delete(this.parsed.keys().next().value!);
    this.parsed.set(key, active);
    return active;
  }
}
