import { useEffect, useMemo, useState } from "preact/hooks";
import { mayEditMaps } from "../../../shared/moderation/canModerate";
import { importMap } from "../../../shared/map/parseMap";
import { applyEdits, readEdits } from "../../../shared/map/mapEdits";
import type { TiledMap } from "../../../shared/map/tiledTypes";
import { api } from "../adminState";
import { EditorOverlay } from "./EditorOverlay";
import { EditorToolbar } from "./EditorToolbar";
import { MapBackdrop } from "./MapBackdrop";
import { ObjectForm } from "./ObjectForm";
import { ObjectList } from "./ObjectList";
import { chooseTool, load, loaded, moveSelected, problems, redo, removeSelected, selection, tool, undo, walk, walkNote, type Tool } from "./editorState";
import "./editor.css";

const TOOL_KEYS: Record<string, Tool> = { s: "select", z: "zone", d: "desk", p: "spawn", b: "block", u: "unblock", w: "walk" };
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
const ZOOMS = [0.25, 0.5, 0.75, 1];

/**
 * /admin/:slug/edit: the map editor for owners, admins and map makers. It
 * edits the space's active map version and saves a new one; see editorState
 * for the state every part renders from.
 */
export function EditorApp({ slug }: { slug: string }) {
  const [state, setState] = useState<"loading" | "ready" | "forbidden" | "failed">("loading");
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [zoom, setZoom] = useState(0.5);

  useEffect(() => {
    void (async () => {
      try {
        const space = await api.space(slug);
        if (!mayEditMaps(space.role ?? undefined)) return setState("forbidden");
        const { map, tiled } = await api.mapVersion(slug, space.activeMapVersion);
        const t = importMap(tiled).tiled;
        load({ slug, baseVersion: map.version, baseName: map.name, tiled: t }, readEdits(t));
        document.title = `Edit map · ${space.name} · Deskmap`;
        setState("ready");
      } catch (err) {
        setStatus({ text: (err as Error).message, error: true });
        setState("failed");
      }
    })();
  }, [slug]);

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (state !== "ready") return;
      const el = ev.target as HTMLElement;
      if (el.closest("input, select, textarea")) return;
      const mod = ev.ctrlKey || ev.metaKey;
      const key = ev.key.toLowerCase();
      if (mod && key === "z") ev.shiftKey ? redo() : undo();
      else if (mod && key === "y") redo();
      else if (mod || ev.altKey) return;
      else if (ARROWS[ev.key] && tool.value === "walk") walk(...ARROWS[ev.key]);
      else if (ev.key.startsWith("Arrow") && selection.value) {
        const step = ev.shiftKey ? 1 : loaded.value!.tiled.tilewidth;
        const [dx, dy] = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[ev.key] ?? [0, 0];
        moveSelected(dx, dy);
      } else if ((ev.key === "Delete" || ev.key === "Backspace") && selection.value) removeSelected();
      else if (ev.key === "Escape") {
        chooseTool("select");
        selection.value = null;
      } else if (TOOL_KEYS[key]) chooseTool(TOOL_KEYS[key]);
      else return;
      ev.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [state]);

  const l = loaded.value;
  // Tiles blocked by the map's own tiles (walls, furniture): tinted on the backdrop. Painted ones are drawn by the overlay, from the edits.
  const blocked = useMemo(() => (l ? importMap(applyEdits(l.tiled, { ...readEdits(l.tiled), painted: [] })).map.collision : new Uint8Array(0)), [l?.tiled]);
  const say = (text: string, error = false) => setStatus({ text, error });

  return (
    <div class="admin map-editor">
      <header class="topbar admin-top">
        <h1 class="brand">
          Edit map{l ? <span class="brand-space"> · version {l.baseVersion} “{l.baseName}”</span> : null}
        </h1>
        <nav aria-label="Places" class="admin-places">
          <a href={`/?space=${encodeURIComponent(slug)}`}>Open the office</a>
          <a href={`/admin/${encodeURIComponent(slug)}#maps`}>Map versions</a>
        </nav>
      </header>
      <p class={`admin-notice${status?.error ? " is-error" : ""}`} role="status" aria-live="polite">
        {status?.text ?? ""}
      </p>
      {state === "loading" ? <p>Loading the map…</p> : null}
      {state === "forbidden" ? <p>Only the space's owners, admins and map makers can edit its map.</p> : null}
      {state === "ready" && l ? (
        <main id="admin-main" class="editor-body" tabIndex={-1}>
          <EditorToolbar onStatus={say} />
          {tool.value === "walk" ? (
            <p class="editor-walk" role="status" aria-live="polite" data-walk-note>
              Trying the map as a person: arrow keys walk, a click jumps to a tile. {walkNote.value}
            </p>
          ) : null}
          <div class="editor-columns">
            <div class="editor-viewport">
              <label class="editor-zoom">
                Zoom
                <select value={String(zoom)} onChange={(ev) => setZoom(Number((ev.currentTarget as HTMLSelectElement).value))}>
                  {ZOOMS.map((z) => (
                    <option key={z} value={String(z)}>
                      {z * 100}%
                    </option>
                  ))}
                </select>
              </label>
              <div class="editor-stage" style={{ width: `${l.tiled.width * l.tiled.tilewidth * zoom}px`, height: `${l.tiled.height * l.tiled.tileheight * zoom}px` }}>
                <MapBackdrop tiled={l.tiled} blocked={blocked} />
                <EditorOverlay />
              </div>
            </div>
            <aside class="editor-side" aria-label="Selected object and list">
              {problems.value.length > 0 ? (
                <div class="editor-problems" role="alert">
                  <h3>Not saved:</h3>
                  <ul>
                    {problems.value.map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <ObjectForm />
              <ObjectList />
              <p class="editor-hint">
                Keys: S select, Z zone, D desk, P spawn, B paint blocked tiles, U clear them, W try walking (arrows walk); arrows move the selected object a tile (Shift: a pixel); Delete removes it; Ctrl+Z undo, Ctrl+Shift+Z redo. Tinted tiles are blocked by the map's tiles (change those in Tiled); hatched red ones are painted here.
              </p>
            </aside>
          </div>
        </main>
      ) : null}
    </div>
  );
}
