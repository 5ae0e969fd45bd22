import type { Types } from "mongoose";
import type { Models } from "../models";
import type { MapDoc } from "../models/Map";
import { canonicalJson, sha256Hex } from "./canonicalJson";
import { isDuplicateKeyError } from "./errors";

export type MapSummary = Omit<MapDoc, "tiled">;

export interface NewMapVersion {
  space: Types.ObjectId;
  name: string;
  tiled: Record<string, unknown>;
  /** Size in tiles, from the parsed map. */
  width: number;
  height: number;
  uploadedBy: Types.ObjectId | null;
  assets?: Array<{ path: string; id: string }>;
  preview?: string | null;
  warnings?: string[];
}

/** Two uploads racing for the same next version: the loser retries this often. */
const VERSION_RETRIES = 5;

export class MapRepository {
  constructor(private readonly models: Models) {}

  /** Stores the map as the space's next version (1, 2, …). */
  async addVersion(input: NewMapVersion): Promise<MapDoc> {
    const canonical = canonicalJson(input.tiled);
    const fields = {
      ...input,
      checksum: sha256Hex(canonical),
      sizeBytes: Buffer.byteLength(canonical),
    };
    for (let attempt = 0; ; attempt++) {
      const latest = await this.models.Map.findOne({ space: input.space }, { version: 1 })
        .sort({ version: -1 })
        .lean<{ version: number }>()
        .exec();
      try {
        const doc = await this.models.Map.create({ ...fields, version: (latest?.version ?? 0) + 1 });
        return doc.toObject();
      } catch (err) {
        if (!isDuplicateKeyError(err) || attempt >= VERSION_RETRIES) throw err;
      }
    }
  }

  /** Every version of a space's map without the (large) Tiled JSON, oldest first. */
  list(space: Types.ObjectId): Promise<MapSummary[]> {
    return this.models.Map.find({ space }, { tiled: 0 }).sort({ version: 1 }).lean<MapSummary[]>().exec();
  }

  get(space: Types.ObjectId, version: number): Promise<MapDoc | null> {
    return this.models.Map.findOne({ space, version }).lean<MapDoc>().exec();
  }

  async removeAllOf(space: Types.ObjectId): Promise<void> {
    await this.models.Map.deleteMany({ space }).exec();
  }
}
