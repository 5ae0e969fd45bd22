import type { Types } from "mongoose";
import type { OfficeMap } from "../../../shared/map/types";
import type { SpaceDoc, SpaceSettings } from "../models/Space";
import type { Repositories } from ".";

export interface SpaceWithMapInput {
  slug: string;
  name: string;
  /** Validated Tiled JSON and the model parsed from it. */
  tiled: Record<string, unknown>;
  map: OfficeMap;
  mapName: string;
  /** Becomes the space's owner; the seeded default space has none. */
  owner?: Types.ObjectId;
  settings?: Partial<SpaceSettings>;
  /** The first account to sign up becomes its owner (the seeded default space of a fresh install). */
  needsOwner?: boolean;
}

/**
 * Creates a space with its first map version active (and its owner's
 * membership). There are no multi-document transactions on the embedded
 * store, so a failure after the space exists removes what was written.
 */
export async function createSpaceWithMap(repos: Repositories, input: SpaceWithMapInput): Promise<SpaceDoc> {
  const space = await repos.spaces.create({ slug: input.slug, name: input.name, settings: input.settings, needsOwner: input.needsOwner });
  try {
    const mapDoc = await repos.maps.addVersion({
      space: space._id,
      name: input.mapName,
      tiled: input.tiled,
      width: input.map.width,
      height: input.map.height,
      uploadedBy: input.owner ?? null,
    });
    const active = await repos.spaces.setActiveMap(space.slug, mapDoc._id, mapDoc.version);
    if (input.owner) await repos.members.addMembership(input.owner, space._id, "owner");
    return active ?? space;
  } catch (err) {
    await repos.maps.removeAllOf(space._id).catch(() => undefined);
    await repos.spaces.remove(space._id).catch(() => undefined);
    throw err;
  }
}
