import type { OfficeMap } from "../../shared/map/types";
import type { Repositories } from "./repositories";
import { createSpaceWithMap } from "./repositories/createSpaceWithMap";

export const DEFAULT_SPACE = { slug: "default", name: "Deskmap Office" } as const;

export interface TiledWithModel {
  tiled: Record<string, unknown>;
  map: OfficeMap;
}

/**
 * On an empty database, creates the default space with the shipped map
 * (MAP_PATH), so a fresh install has an office to walk into. Does nothing once
 * any space exists: operators may have renamed or replaced the default.
 * The seeded space waits for an owner: the first account that signs up
 * claims it (server/admin/firstOwner.ts), unless `needsOwner` is false.
 */
export async function seedDatabase(
  repos: Repositories,
  defaultMap: () => Promise<TiledWithModel>,
  options: { needsOwner?: boolean } = {},
): Promise<{ seeded: boolean }> {
  if ((await repos.spaces.count()) > 0) return { seeded: false };
  const { tiled, map } = await defaultMap();
  try {
    await createSpaceWithMap(repos, { ...DEFAULT_SPACE, tiled, map, mapName: "office", needsOwner: options.needsOwner ?? true });
  } catch (err) {
    // Another process seeding the same database at the same moment won the slug.
    if ((err as Error).name === "ConflictError") return { seeded: false };
    throw err;
  }
  return { seeded: true };
}
