import { Schema, type Connection, type Model } from "mongoose";

/**
 * An image a map draws (a tileset or image layer, or a map's rendered
 * preview), stored by the sha256 of its bytes: the same image uploaded with
 * several maps or versions is kept once, and its URL never changes meaning,
 * so browsers may cache it for good. Held in the database (not on disk) so it
 * lives and is backed up with the map versions, on the embedded store and
 * MongoDB alike; one image is at most a few MB, well under a document's 16 MB.
 */
export interface MapAssetDoc {
  _id: string;
  contentType: "image/png" | "image/jpeg" | "image/webp";
  bytes: Buffer;
  sizeBytes: number;
  width: number;
  height: number;
  createdAt: Date;
}

export const mapAssetSchema = new Schema<MapAssetDoc>(
  {
    // The sha256 of the bytes, hex: the asset's identity and URL.
    _id: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    contentType: { type: String, required: true, enum: ["image/png", "image/jpeg", "image/webp"] },
    bytes: { type: Buffer, required: true },
    sizeBytes: { type: Number, required: true, min: 1 },
    width: { type: Number, required: true, min: 1 },
    height: { type: Number, required: true, min: 1 },
    createdAt: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);

export type MapAssetModel = Model<MapAssetDoc>;

export function mapAssetModel(connection: Connection): MapAssetModel {
  return (connection.models.MapAsset as MapAssetModel | undefined) ?? connection.model<MapAssetDoc>("MapAsset", mapAssetSchema);
}
