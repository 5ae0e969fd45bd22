import { Schema, type Connection, type Model, type Types } from "mongoose";

/** One uploaded version of a space's Tiled map; versions are never edited, only added. */
export interface MapDoc {
  _id: Types.ObjectId;
  space: Types.ObjectId;
  name: string;
  /** The Tiled JSON as Deskmap keeps it: normalised by importMap, image paths turned into asset URLs. */
  tiled: Record<string, unknown>;
  version: number;
  /** sha256 of the canonical JSON, so re-uploading the same map is recognisable. */
  checksum: string;
  sizeBytes: number;
  width: number;
  height: number;
  uploadedBy: Types.ObjectId | null;
  /** Images this version draws, by their path in the upload and asset id (sha256). */
  assets: Array<{ path: string; id: string }>;
  /** Asset id of the rendered preview (PNG), or null for versions stored before previews existed. */
  preview: string | null;
  /** What the import could not honour, as told to the uploader. */
  warnings: string[];
  createdAt: Date;
}

export const mapSchema = new Schema<MapDoc>(
  {
    space: { type: Schema.Types.ObjectId, ref: "Space", required: true },
    name: { type: String, required: true, trim: true, maxlength: 80 },
    // Tiled keys such as "type" or "class" must not be read as schema options.
    tiled: { type: Schema.Types.Mixed, required: true },
    version: { type: Number, required: true, min: 1 },
    checksum: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    sizeBytes: { type: Number, required: true, min: 0 },
    width: { type: Number, required: true, min: 1 },
    height: { type: Number, required: true, min: 1 },
    uploadedBy: { type: Schema.Types.ObjectId, ref: "Member", default: null },
    assets: { type: [{ _id: false, path: { type: String, maxlength: 512 }, id: { type: String, match: /^[0-9a-f]{64}$/ } }], default: [] },
    preview: { type: String, default: null, match: /^[0-9a-f]{64}$/ },
    warnings: { type: [{ type: String, maxlength: 1000 }], default: [] },
    createdAt: { type: Date, default: () => new Date() },
  },
  // Tiled JSON may hold empty objects (e.g. no properties) that must survive the round trip.
  { versionKey: false, minimize: false },
);
mapSchema.index({ space: 1, version: 1 }, { unique: true });

export type MapModel = Model<MapDoc>;

export function mapModel(connection: Connection): MapModel {
  return (connection.models.Map as MapModel | undefined) ?? connection.model<MapDoc>("Map", mapSchema);
}
