/**
 * The Tiled JSON that Deskmap keeps and draws: what `validateTiled` returns
 * after normalising an author's map (format 1.0 and later). Group layers are
 * flattened (their offsets, opacity and visibility folded into each child),
 * tile data is a plain array of gids, and every tileset is embedded. Only the
 * fields listed here are copied, so nothing else an upload carries (say a
 * top-level "constructor" key) ever reaches Phaser.
 */

export interface TiledProperty {
  name: string;
  type: string;
  value: unknown;
}

export interface TiledFrame {
  tileid: number;
  duration: number;
}

export interface TiledTile {
  id: number;
  properties?: TiledProperty[];
  /** Animation frames (local tile ids in the same tileset). */
  animation?: TiledFrame[];
}

export interface TiledTileset {
  firstgid: number;
  tilecount: number;
  columns: number;
  /** The image path as the author saved it, or (once uploaded) the URL the server serves it at. */
  image: string;
  name: string;
  tilewidth: number;
  tileheight: number;
  imagewidth: number;
  imageheight: number;
  margin: number;
  spacing: number;
  /** Where tiles are drawn relative to their cell, px (Tiled's tileoffset). */
  tileoffset?: { x: number; y: number };
  tiles?: TiledTile[];
  properties?: TiledProperty[];
}

interface LayerBase {
  id?: number;
  name: string;
  visible: boolean;
  opacity: number;
  /** Pixel offset, with every enclosing group's offset added. */
  offsetx: number;
  offsety: number;
  properties?: TiledProperty[];
}

export interface TiledTileLayer extends LayerBase {
  type: "tilelayer";
  x?: number;
  y?: number;
  width: number;
  height: number;
  /** Global tile ids, row-major; 0 is empty; the top 3 bits are flip flags. */
  data: number[];
}

export interface TiledPoint {
  x: number;
  y: number;
}

export interface TiledObject {
  id: number;
  name?: string;
  type?: string;
  x: number;
  y: number;
  width?: number;
  height?: number;
  rotation?: number;
  visible?: boolean;
  /** A tile object: drawn with its bottom-left corner at x, y. */
  gid?: number;
  point?: boolean;
  ellipse?: boolean;
  /** Vertices relative to the object's x, y. */
  polygon?: TiledPoint[];
  polyline?: TiledPoint[];
  properties?: TiledProperty[];
}

export interface TiledObjectGroup extends LayerBase {
  type: "objectgroup";
  objects: TiledObject[];
}

export interface TiledImageLayer extends LayerBase {
  type: "imagelayer";
  image: string;
  imagewidth?: number;
  imageheight?: number;
}

export type TiledLayer = TiledTileLayer | TiledObjectGroup | TiledImageLayer;

export interface TiledMap {
  type: "map";
  version: string;
  tiledversion?: string;
  orientation: "orthogonal";
  renderorder?: string;
  infinite: false;
  width: number;
  height: number;
  tilewidth: number;
  tileheight: number;
  tilesets: TiledTileset[];
  layers: TiledLayer[];
  nextlayerid?: number;
  nextobjectid?: number;
  properties?: TiledProperty[];
}
