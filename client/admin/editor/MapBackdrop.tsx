import { useEffect, useRef } from "preact/hooks";
import { drawnLayers } from "../../../shared/map/layerRoles";
import type { TiledMap } from "../../../shared/map/tiledTypes";
import { tilesetImageUrl } from "../../scenes/tilesetUrls";
import { MapPainter } from "../../systems/mapPainter";

/**
 * The map as the office draws it (tiles, tile objects, image layers, by
 * Tiled's rules: the office's own MapPainter), on one canvas at full size,
 * with blocked tiles tinted so it is clear where desks and spawns may go.
 * Drawn once per map; the overlay above it changes, this does not.
 */
export function MapBackdrop({ tiled, blocked }: { tiled: TiledMap; blocked: Uint8Array }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    let cancelled = false;
    const paths = [...new Set([...tiled.tilesets.map((t) => t.image), ...tiled.layers.flatMap((l) => (l.type === "imagelayer" ? [l.image] : []))])];
    const images = new Map<string, HTMLImageElement>();
    void Promise.all(
      paths.map(
        (p) =>
          new Promise<void>((done) => {
            const url = tilesetImageUrl(p);
            if (!url) return done();
            const img = new Image();
            img.onload = () => (images.set(p, img), done());
            img.onerror = () => done();
            img.src = url;
          }),
      ),
    ).then(() => {
      if (cancelled) return;
      const ctx = canvas.getContext("2d")!;
      const w = tiled.width * tiled.tilewidth;
      const h = tiled.height * tiled.tileheight;
      ctx.fillStyle = "#0b1020";
      ctx.fillRect(0, 0, w, h);
      new MapPainter(tiled, (p) => images.get(p) ?? null).paint(ctx, drawnLayers(tiled), 0, 0, Math.max(w, h));
      ctx.fillStyle = "rgba(255, 60, 60, 0.28)";
      for (let i = 0; i < blocked.length; i++) {
        if (blocked[i]) ctx.fillRect((i % tiled.width) * tiled.tilewidth, Math.floor(i / tiled.width) * tiled.tileheight, tiled.tilewidth, tiled.tileheight);
      }
      canvas.dataset.painted = "true";
    });
    return () => {
      cancelled = true;
    };
  }, [tiled, blocked]);
  return <canvas ref={ref} class="editor-backdrop" width={tiled.width * tiled.tilewidth} height={tiled.height * tiled.tileheight} aria-hidden="true" />;
}
