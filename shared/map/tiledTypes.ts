/**
 * The subset of Tiled's JSON map format (format version 1.2 and later) that
 * Deskmap reads. Shapes here are what `validateTiled` guarantees, not the
 * whole format: fields Deskmap ignores are left out.
 */

export interface TiledProperty {
  name: string;
  type: string;
  value: unknown;
}

export interface TiledTile {
  id: number;
  properties?: TiledProperty[];
}

/** An embedded tileset; external ones (with `source`) are rejected. */
export interface TiledTileset {
  firstgid: number;
  tilecount: number;
  columns: number;
  image: string;
  name?: string;
  tilewidth?: number;
  tileheight?: number;
  imagewidth?: number;
  imageheight?: number;
  margin?: number;
  spacing?: number;
  tiles?: TiledTile[];
}

export interface TiledTileLayer {
  type: "tilelayer";
  id?: number;
  name: string;
  width: number;
  height: number;
  /** Global tile ids, row-major; 0 is empty; the top 3 bits are flip flags. */
  data: number[];
  visible?: boolean;
  opacity?: number;
  properties?: TiledProperty[];
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
  point?: boolean;
  ellipse?: boolean;
  /** Vertices relative to the object's x, y. */
  polygon?: TiledPoint[];
  polyline?: TiledPoint[];
  properties?: TiledProperty[];
}

export interface TiledObjectGroup {
  type: "objectgroup";
  id?: number;
  name: string;
  objects: TiledObject[];
  visible?: boolean;
  properties?: TiledProperty[];
}

export type TiledLayer = TiledTileLayer | TiledObjectGroup;

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
