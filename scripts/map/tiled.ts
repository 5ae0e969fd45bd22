/** Serialises the built office as a Tiled 1.10 JSON map with one embedded tileset. */
import type { Layers } from "./build";
import type { Grid } from "./grid";
import type { OfficeLayout } from "./layout";
import type { ZoneSpec } from "./layoutTypes";
import { FIRST_GID, type TileIndex } from "./tileIndex";

const T = 32;

type Property = { name: string; type: "string" | "bool"; value: string | boolean };

interface TiledObject {
  id: number;
  name: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: 0;
  visible: true;
  point?: true;
  polygon?: { x: number; y: number }[];
  properties?: Property[];
}

export function spawnPoints(layout: OfficeLayout): { x: number; y: number }[] {
  return layout.spawns.map(([x, y]) => ({ x: x * T + T / 2, y: y * T + 24 }));
}

export function toTiledMap(layout: OfficeLayout, layers: Layers, tiles: TileIndex, imagePath: string): object {
  const { width, height } = layout.shell;
  let layerId = 1;
  let objectId = 1;
  const tileLayer = (name: string, grid: Grid, visible = true) => ({
    id: layerId++,
    name,
    type: "tilelayer",
    x: 0,
    y: 0,
    width,
    height,
    opacity: 1,
    visible,
    data: grid.data,
  });
  const group = (name: string, objects: Omit<TiledObject, "id" | "rotation" | "visible">[]) => ({
    id: layerId++,
    name,
    type: "objectgroup",
    draworder: "topdown",
    x: 0,
    y: 0,
    opacity: 1,
    visible: true,
    objects: objects.map((o) => ({ id: objectId++, ...o, rotation: 0, visible: true })),
  });

  const layerList = [
    tileLayer("floor", layers.floor),
    tileLayer("walls", layers.walls),
    tileLayer("furniture", layers.furniture),
    tileLayer("furniture-above", layers.above),
    tileLayer("collision", layers.collision, false),
    group(
      "spawns",
      spawnPoints(layout).map((p, i) => ({ name: `spawn-${i + 1}`, type: "", x: p.x, y: p.y, width: 0, height: 0, point: true as const })),
    ),
    group("zones", layout.zones.map(zoneObject)),
    group(
      "desks",
      layout.desks.map((d) => ({
        name: d.id,
        type: "",
        x: d.px,
        y: d.py,
        width: 0,
        height: 0,
        point: true as const,
        properties: [
          { name: "facing", type: "string" as const, value: d.facing },
          { name: "id", type: "string" as const, value: d.id },
          { name: "kind", type: "string" as const, value: d.kind },
        ],
      })),
    ),
  ];

  const raw = tiles.raw;
  return {
    compressionlevel: -1,
    type: "map",
    version: "1.10",
    tiledversion: "1.10.2",
    orientation: "orthogonal",
    renderorder: "right-down",
    infinite: false,
    width,
    height,
    tilewidth: T,
    tileheight: T,
    nextlayerid: layerId,
    nextobjectid: objectId,
    layers: layerList,
    tilesets: [
      {
        firstgid: FIRST_GID,
        name: "office",
        image: imagePath,
        imagewidth: raw.imageWidth,
        imageheight: raw.imageHeight,
        tilewidth: raw.tileWidth,
        tileheight: raw.tileHeight,
        tilecount: raw.tileCount,
        columns: raw.columns,
        margin: 0,
        spacing: 0,
        tiles: tiles.collidingIds().map((id) => ({ id, properties: [{ name: "collides", type: "bool", value: true }] })),
      },
    ],
  };
}

function zoneObject(z: ZoneSpec): Omit<TiledObject, "id" | "rotation" | "visible"> {
  const properties: Property[] = [{ name: "type", type: "string", value: z.type }];
  if (z.platform) properties.push({ name: "platform", type: "bool", value: true });
  if (z.rect) {
    return { name: z.name, type: "", x: z.rect.x * T, y: z.rect.y * T, width: z.rect.w * T, height: z.rect.h * T, properties };
  }
  if (!z.polygon || z.polygon.length < 3) throw new Error(`zone "${z.name}" needs a rect or a polygon of 3+ points`);
  const [ox, oy] = z.polygon[0];
  return {
    name: z.name,
    type: "",
    x: ox * T,
    y: oy * T,
    width: 0,
    height: 0,
    polygon: z.polygon.map(([x, y]) => ({ x: (x - ox) * T, y: (y - oy) * T })),
    properties,
  };
}
