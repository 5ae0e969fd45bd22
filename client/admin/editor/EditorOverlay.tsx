import { useRef, useState } from "preact/hooks";
import type { MapEdits } from "../../../shared/map/mapEdits";
import { addDesk, addSpawn, addZone, feetOnTile, freshDeskId, moveObject, paintCells, tileRect, updateZone, type ObjectKind } from "./editOps";
import { amend, apply, commitDrag, edits, loaded, select, selection, tool, walker, walkTo } from "./editorState";

type Pt = { x: number; y: number };
type Drag =
  | { mode: "draw"; from: Pt; to: Pt }
  | { mode: "move"; kind: ObjectKind; index: number; from: Pt; before: MapEdits }
  | { mode: "resize"; index: number; from: Pt; before: MapEdits }
  | { mode: "paint"; block: boolean; cells: Set<number>; before: MapEdits };

export const ZONE_COLOURS = { meeting: "#4fa3ff", stage: "#ffb347", quiet: "#7ddc8a", private: "#d08cff" } as const;

/**
 * Zones, desks and spawns drawn over the map, in map pixels (the SVG's
 * viewBox), with the pointer: drag on empty map to draw a zone (zone tool),
 * click to place a desk or spawn, drag an object to move it and a selected
 * zone's corner to resize it. Positions snap to tiles. Keyboard users do the
 * same from the object list and the arrow keys (EditorApp).
 */
export function EditorOverlay() {
  const map = loaded.value!.tiled;
  const tile = map.tilewidth;
  const W = map.width * tile;
  const H = map.height * map.tileheight;
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const e = edits.value;
  const sel = selection.value;

  const toMap = (ev: PointerEvent): Pt => {
    const r = svg.current!.getBoundingClientRect();
    return { x: ((ev.clientX - r.left) * W) / r.width, y: ((ev.clientY - r.top) * H) / r.height };
  };
  const snap = (d: number) => Math.round(d / tile) * tile;
  const cellAt = (p: Pt) => {
    const tx = Math.floor(p.x / tile);
    const ty = Math.floor(p.y / tile);
    return tx >= 0 && ty >= 0 && tx < map.width && ty < map.height ? ty * map.width + tx : null;
  };

  const onBackground = (ev: PointerEvent) => {
    const p = toMap(ev);
    const t = tool.value;
    if (t === "zone") {
      svg.current!.setPointerCapture(ev.pointerId);
      setDrag({ mode: "draw", from: p, to: p });
    } else if (t === "desk") {
      apply(addDesk(e, { id: freshDeskId(e), kind: "focus", facing: "up", ...feetOnTile(p, tile) }), { kind: "desk", index: e.desks.length });
    } else if (t === "spawn") {
      const f = feetOnTile(p, tile);
      apply(addSpawn(e, f.x, f.y), { kind: "spawn", index: e.spawns.length });
    } else if (t === "block" || t === "unblock") {
      svg.current!.setPointerCapture(ev.pointerId);
      const cell = cellAt(p);
      const cells = new Set(cell === null ? [] : [cell]);
      amend(paintCells(e, cells, t === "block"));
      setDrag({ mode: "paint", block: t === "block", cells, before: e });
    } else if (t === "walk") walkTo(p);
    else selection.value = null;
  };
  const onObject = (ev: PointerEvent, kind: ObjectKind, index: number) => {
    if (tool.value !== "select") return; // placing tools draw over objects too
    ev.stopPropagation();
    select(kind, index);
    svg.current!.setPointerCapture(ev.pointerId);
    setDrag({ mode: "move", kind, index, from: toMap(ev), before: e });
  };
  const onHandle = (ev: PointerEvent, index: number) => {
    ev.stopPropagation();
    svg.current!.setPointerCapture(ev.pointerId);
    setDrag({ mode: "resize", index, from: toMap(ev), before: e });
  };
  const onMove = (ev: PointerEvent) => {
    if (!drag) return;
    const p = toMap(ev);
    if (drag.mode === "draw") setDrag({ ...drag, to: p });
    else if (drag.mode === "paint") {
      const cell = cellAt(p);
      if (cell === null || drag.cells.has(cell)) return;
      drag.cells.add(cell);
      amend(paintCells(drag.before, drag.cells, drag.block));
    }
    else if (drag.mode === "move") amend(moveObject(drag.before, drag, snap(p.x - drag.from.x), snap(p.y - drag.from.y)));
    else {
      const z = drag.before.zones[drag.index];
      const width = Math.max(tile, Math.min(W - z.x, z.width + snap(p.x - drag.from.x)));
      const height = Math.max(tile, Math.min(H - z.y, z.height + snap(p.y - drag.from.y)));
      amend(updateZone(drag.before, drag.index, { width, height }));
    }
  };
  const onUp = () => {
    if (!drag) return;
    if (drag.mode === "draw") {
      const rect = tileRect(drag.from, drag.to, tile, W, H);
      if (rect) {
        apply(addZone(e, { name: `Zone ${e.zones.length + 1}`, kind: "meeting", ...rect }), { kind: "zone", index: e.zones.length });
        tool.value = "select";
      }
    } else commitDrag(drag.before);
    setDrag(null);
  };

  const painted = (e.painted ?? []).map((i) => `M${(i % map.width) * tile} ${Math.floor(i / map.width) * tile}h${tile}v${tile}h-${tile}z`).join("");
  const draft = drag?.mode === "draw" ? tileRect(drag.from, drag.to, tile, W, H) : null;
  const isSel = (kind: ObjectKind, i: number) => sel?.kind === kind && sel.index === i;
  return (
    <svg
      ref={svg}
      class={`editor-overlay tool-${tool.value}`}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`The map with ${e.zones.length} zones, ${e.desks.length} desks and ${e.spawns.length} spawn points; use the object list to reach them by keyboard`}
      onPointerDown={onBackground}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
    >
      <defs>
        <pattern id="editor-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="3" height="8" fill="#ff3b3b" />
        </pattern>
      </defs>
      {painted ? <path class="editor-painted" d={painted} fill="url(#editor-hatch)" /> : null}
      {e.zones.map((z, i) => (
        <g key={`z${i}`} class={`editor-zone${isSel("zone", i) ? " is-selected" : ""}`} data-zone={z.name} onPointerDown={(ev) => onObject(ev as PointerEvent, "zone", i)}>
          {z.polygon ? (
            <polygon points={z.polygon.map((p) => `${z.x + p.x},${z.y + p.y}`).join(" ")} fill={ZONE_COLOURS[z.kind]} />
          ) : (
            <rect x={z.x} y={z.y} width={z.width} height={z.height} fill={ZONE_COLOURS[z.kind]} />
          )}
          <text x={z.x + 6} y={z.y + 18}>
            {z.name} · {z.kind}
          </text>
        </g>
      ))}
      {e.desks.map((d, i) => (
        <g key={`d${i}`} class={`editor-desk${isSel("desk", i) ? " is-selected" : ""}`} onPointerDown={(ev) => onObject(ev as PointerEvent, "desk", i)}>
          <rect x={d.x - 10} y={d.y - 18} width={20} height={20} rx={3} />
          <text x={d.x} y={d.y - 4} text-anchor="middle">
            {d.kind === "focus" ? "F" : "A"}
          </text>
        </g>
      ))}
      {e.spawns.map((s, i) => (
        <circle key={`s${i}`} class={`editor-spawn${isSel("spawn", i) ? " is-selected" : ""}`} cx={s.x} cy={s.y - 8} r={9} onPointerDown={(ev) => onObject(ev as PointerEvent, "spawn", i)} />
      ))}
      {sel?.kind === "zone" && e.zones[sel.index] && !e.zones[sel.index].polygon ? (
        <rect
          class="editor-handle"
          x={e.zones[sel.index].x + e.zones[sel.index].width - 8}
          y={e.zones[sel.index].y + e.zones[sel.index].height - 8}
          width={16}
          height={16}
          onPointerDown={(ev) => onHandle(ev as PointerEvent, sel.index)}
        />
      ) : null}
      {draft ? <rect class="editor-draft" {...draft} /> : null}
      {walker.value ? (
        // A person's size on the map: head and body over the feet point (the walk note says the rest).
        <g class="editor-walker" data-walker={`${walker.value.x},${walker.value.y}`} aria-hidden="true">
          <ellipse cx={walker.value.x} cy={walker.value.y} rx={9} ry={4} />
          <rect x={walker.value.x - 7} y={walker.value.y - 22} width={14} height={18} rx={6} />
          <circle cx={walker.value.x} cy={walker.value.y - 28} r={7} />
        </g>
      ) : null}
    </svg>
  );
}
