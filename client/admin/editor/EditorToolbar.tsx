import { api } from "../adminState";
import { canRedo, canUndo, chooseTool, edits, loaded, problems, redo, saved, tool, undo, type Tool } from "./editorState";

const TOOLS: Array<[Tool, string, string]> = [
  ["select", "Select and move", "S"],
  ["zone", "Draw a zone", "Z"],
  ["desk", "Add a desk", "D"],
  ["spawn", "Add a spawn point", "P"],
  ["block", "Paint blocked tiles", "B"],
  ["unblock", "Clear blocked tiles", "U"],
  ["walk", "Try walking", "W"],
];

/**
 * Tools, undo/redo, and the two steps that reach the office: Save stores the
 * edits as a new map version (nothing changes for people yet), Activate moves
 * the open office onto it, as the Maps section's buttons do.
 */
export function EditorToolbar({ onStatus }: { onStatus: (text: string, error?: boolean) => void }) {
  const l = loaded.value!;
  const s = saved.value;
  const save = async () => {
    try {
      const res = await api.saveMapEdits(l.slug, { baseVersion: l.baseVersion, ...edits.value });
      saved.value = { version: res.map.version, active: false };
      problems.value = [];
      onStatus(`Saved as map version ${res.map.version}${res.warnings.length ? ` (${res.warnings.length} warnings)` : ""}; activate it to move the office onto it`);
    } catch (err) {
      problems.value = (err as Error).message.split("\n");
      onStatus("The map was not saved: fix the problems listed", true);
    }
  };
  const activate = async () => {
    if (!s) return;
    try {
      await api.activateMap(l.slug, s.version);
      saved.value = { ...s, active: true };
      onStatus(`Map version ${s.version} is active; the open office moves onto it`);
    } catch (err) {
      onStatus((err as Error).message, true);
    }
  };
  return (
    <div class="editor-toolbar" role="toolbar" aria-label="Map editor tools">
      <div class="editor-tools" role="group" aria-label="Tool">
        {TOOLS.map(([t, label, key]) => (
          <button key={t} type="button" aria-pressed={tool.value === t} aria-keyshortcuts={key} onClick={() => chooseTool(t)}>
            {label}
          </button>
        ))}
      </div>
      <div role="group" aria-label="History">
        <button type="button" disabled={!canUndo.value} aria-keyshortcuts="Control+Z" onClick={undo}>
          Undo
        </button>
        <button type="button" disabled={!canRedo.value} aria-keyshortcuts="Control+Shift+Z" onClick={redo}>
          Redo
        </button>
      </div>
      <div role="group" aria-label="Publish">
        <button type="button" class="primary" onClick={save} disabled={s !== null}>
          {s ? `Saved as version ${s.version}` : "Save as new version"}
        </button>
        <button type="button" onClick={activate} disabled={!s || s.active}>
          {s?.active ? `Version ${s.version} is active` : s ? `Activate version ${s.version}` : "Activate"}
        </button>
      </div>
    </div>
  );
}
