import type { EditDesk, EditZone } from "../../../shared/map/mapEdits";
import { updateDesk, updateZone } from "./editOps";
import { apply, edits, loaded, removeSelected, selection } from "./editorState";

const ZONE_KINDS: Array<[EditZone["kind"], string]> = [
  ["meeting", "Meeting room: everyone inside talks together"],
  ["stage", "Stage: speakers reach the audience"],
  ["quiet", "Quiet zone: no calls"],
  ["private", "Private: anyone inside may lock it"],
];

/** The selected object's fields. Each field change is one undo step. */
export function ObjectForm() {
  const sel = selection.value;
  const e = edits.value;
  const t = loaded.value?.tiled.tilewidth ?? 32;
  if (!sel) return <p class="editor-hint">Select an object on the map or in the list, or pick a tool and draw.</p>;
  const remove = (
    <button type="button" class="danger" onClick={removeSelected}>
      Remove
    </button>
  );
  if (sel.kind === "zone") {
    const z = e.zones[sel.index];
    if (!z) return null;
    const set = (patch: Partial<EditZone>) => apply(updateZone(edits.value, sel.index, patch));
    return (
      <fieldset class="editor-form" aria-label="Selected zone">
        <legend>Zone</legend>
        <label>
          Name
          <input name="zone-name" value={z.name} maxLength={80} onChange={(ev) => set({ name: (ev.currentTarget as HTMLInputElement).value })} />
        </label>
        <label>
          Kind
          <select name="zone-kind" value={z.kind} onChange={(ev) => set({ kind: (ev.currentTarget as HTMLSelectElement).value as EditZone["kind"] })}>
            {ZONE_KINDS.map(([k, text]) => (
              <option key={k} value={k}>
                {text}
              </option>
            ))}
          </select>
        </label>
        {z.kind === "stage" ? (
          <label class="check">
            <input type="checkbox" name="zone-platform" checked={z.platform === true} onChange={(ev) => set({ platform: (ev.currentTarget as HTMLInputElement).checked })} />
            Speaking platform (people here speak to the stage)
          </label>
        ) : null}
        <p class="editor-hint">
          {z.width / t}×{z.height / t} tiles at tile {Math.floor(z.x / t)},{Math.floor(z.y / t)}
        </p>
        {remove}
      </fieldset>
    );
  }
  if (sel.kind === "desk") {
    const d = e.desks[sel.index];
    if (!d) return null;
    const set = (patch: Partial<EditDesk>) => apply(updateDesk(edits.value, sel.index, patch));
    return (
      <fieldset class="editor-form" aria-label="Selected desk">
        <legend>Desk</legend>
        <label>
          Id
          <input name="desk-id" value={d.id} maxLength={64} onChange={(ev) => set({ id: (ev.currentTarget as HTMLInputElement).value })} />
        </label>
        <label>
          Kind
          <select name="desk-kind" value={d.kind} onChange={(ev) => set({ kind: (ev.currentTarget as HTMLSelectElement).value as EditDesk["kind"] })}>
            <option value="focus">Focus desk (do not disturb)</option>
            <option value="assignable">Assignable (someone's own desk)</option>
          </select>
        </label>
        <label>
          Faces
          <select name="desk-facing" value={d.facing} onChange={(ev) => set({ facing: (ev.currentTarget as HTMLSelectElement).value as EditDesk["facing"] })}>
            {["up", "down", "left", "right"].map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        {remove}
      </fieldset>
    );
  }
  return (
    <fieldset class="editor-form" aria-label="Selected spawn point">
      <legend>Spawn point {sel.index + 1}</legend>
      <p class="editor-hint">People arrive here. The map needs at least one.</p>
      {remove}
    </fieldset>
  );
}
