import type { RoomFeatureFactory } from "./RoomFeature";

/**
 * The features every office room runs, in hook order. A new capability adds
 * one line here and lives in its own folder; OfficeRoom does not change.
 */
export const ROOM_FEATURES: RoomFeatureFactory[] = [];
