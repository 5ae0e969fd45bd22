import { mapImageUrl } from "../../shared/map/imageUrls";

/**
 * The URL a map image loads from: an uploaded image's content-addressed
 * asset URL, or one of the server's own images under /assets (Tiled stores
 * those relative to the map file, e.g. "../assets/tiles/office.png").
 * Null for anything else.
 */
export function tilesetImageUrl(image: string): string | null {
  return mapImageUrl(image);
}
