import { child, parseXml, type XmlElement } from "./xmlElements";

/**
 * A Tiled external tileset (.tsx XML, or .json/.tsj) turned into the fields an
 * embedded tileset has, so the rest of the import treats both alike. The
 * tileset's image stays relative to the tileset file; the caller rebases it.
 */
export function readExternalTileset(path: string, text: string): Record<string, unknown> | string {
  if (/\.(json|tsj)$/i.test(path)) {
    try {
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : "not a JSON object";
    } catch (err) {
      return `not valid JSON (${(err as Error).message})`;
    }
  }
  const root = parseXml(text);
  if (typeof root === "string") return root;
  if (root.name !== "tileset") return `root element is <${root.name}>, expected <tileset>`;
  const num = (el: XmlElement | undefined, key: string) => (el?.attrs[key] === undefined ? undefined : Number(el.attrs[key]));
  const image = child(root, "image");
  const offset = child(root, "tileoffset");
  const out: Record<string, unknown> = {
    name: root.attrs.name,
    tilewidth: num(root, "tilewidth"),
    tileheight: num(root, "tileheight"),
    tilecount: num(root, "tilecount"),
    columns: num(root, "columns"),
    margin: num(root, "margin") ?? 0,
    spacing: num(root, "spacing") ?? 0,
    image: image?.attrs.source,
    imagewidth: num(image, "width"),
    imageheight: num(image, "height"),
  };
  if (offset) out.tileoffset = { x: num(offset, "x") ?? 0, y: num(offset, "y") ?? 0 };
  const props = propertiesOf(root);
  if (props) out.properties = props;
  const tiles = root.children.filter((c) => c.name === "tile").map((tile) => {
    const entry: Record<string, unknown> = { id: num(tile, "id") };
    const tileProps = propertiesOf(tile);
    if (tileProps) entry.properties = tileProps;
    const anim = child(tile, "animation");
    if (anim) entry.animation = anim.children.filter((f) => f.name === "frame").map((f) => ({ tileid: num(f, "tileid"), duration: num(f, "duration") }));
    if (child(tile, "image")) entry.image = child(tile, "image")!.attrs.source;
    return entry;
  });
  if (tiles.length > 0) out.tiles = tiles;
  return out;
}

function propertiesOf(el: XmlElement): Array<{ name: string; type: string; value: unknown }> | undefined {
  const props = child(el, "properties");
  if (!props) return undefined;
  return props.children
    .filter((p) => p.name === "property")
    .map((p) => {
      const type = p.attrs.type ?? "string";
      const raw = p.attrs.value ?? "";
      const value = type === "bool" ? raw === "true" : type === "int" || type === "float" ? Number(raw) : raw;
      return { name: p.attrs.name ?? "", type, value };
    });
}
