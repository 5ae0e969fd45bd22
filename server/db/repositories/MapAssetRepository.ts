import { createHash } from "node:crypto";
import type { Models } from "../models";
import type { MapAssetDoc } from "../models/MapAsset";
import { isDuplicateKeyError } from "./errors";

export type NewMapAsset = Omit<MapAssetDoc, "_id" | "sizeBytes" | "createdAt">;

/** Content-addressed map images: put returns the id (sha256) the bytes are kept under. */
export class MapAssetRepository {
  constructor(private readonly models: Models) {}

  static idOf(bytes: Buffer): string {
    return createHash("sha256").update(bytes).digest("hex");
  }

  async put(asset: NewMapAsset): Promise<string> {
    const id = MapAssetRepository.idOf(asset.bytes);
    if (await this.models.MapAsset.exists({ _id: id }).exec()) return id;
    try {
      await this.models.MapAsset.create({ ...asset, _id: id, sizeBytes: asset.bytes.length });
    } catch (err) {
      // Someone stored the same bytes a moment ago: same id, same content.
      if (!isDuplicateKeyError(err)) throw err;
    }
    return id;
  }

  async get(id: string): Promise<MapAssetDoc | null> {
    const doc = await this.models.MapAsset.findById(id).lean<MapAssetDoc & { bytes: unknown }>().exec();
    if (!doc) return null;
    return { ...doc, bytes: toBuffer(doc.bytes) };
  }
}

/** Lean reads hand back BSON Binary (or a Buffer, depending on driver and store): one Buffer either way. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const v = value as { buffer?: ArrayBufferLike | Uint8Array; value?: (asRaw?: boolean) => unknown };
  if (v && v.buffer instanceof Uint8Array) return Buffer.from(v.buffer);
  if (v && typeof v.value === "function") return Buffer.from(v.value(true) as Uint8Array);
  throw new Error("stored map asset has no bytes");
}
