import type { ObjectKind } from "./editOps";
import { edits, loaded, select, selection } from "./editorState";

/**
 * Every zone, desk and spawn as a button, so the keyboard reaches each one:
 * pick one, then the arrow keys move it and Delete removes it (EditorApp).
 */
export function ObjectList() {
  const e = edits.value;
  const sel = selection.value;
  const tile = loaded.value?.tiled.tilewidth ?? 32;
  const item = (kind: ObjectKind, index: number, label: string) => {
    const current = sel?.kind === kind && sel.index === index;
    return (
      <li key={`${kind}${index}`}>
        <button type="button" class={`editor-item${current ? " is-selected" : ""}`} aria-pressed={current} onClick={() => select(kind, index)}>
          {label}
        </button>
      </li>
    );
  };
  return (
    <nav class="editor-list" aria-label="Objects on the map">
      <h3>Zones ({e.zones.length})</h3>
      <ul>{e.zones.map((z, i) => item("zone", i, `${z.name} (${z.kind})`))}</ul>
      <h3>Desks ({e.desks.length})</h3>
      <ul>{e.desks.map((d, i) => item("desk", i, `${d.id} (${d.kind}, faces ${d.facing})`))}</ul>
      <h3>Spawn points ({e.spawns.length})</h3>
      <ul>{e.spawns.map((s, i) => item("spawn", i, `Spawn ${i + 1} at tile ${Math.floor(s.x / tile)},${Math.floor(s.y / tile)}`))}</ul>
    </nav>
  );
}
