import type * as Phaser from "phaser";
import type { Point } from "../../shared/map/types";
import { DEPTH } from "./depths";

/** How long a shown path stays on the map. */
const SHOW_MS = 5000;

/** Draws the way to someone (locate) as a dotted line that disappears after a few seconds. */
export class PathPreview {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(scene: Phaser.Scene) {
    this.graphics = scene.add.graphics().setDepth(DEPTH.marker);
  }

  show(path: readonly Point[]): void {
    this.clear();
    this.graphics.fillStyle(0xfde68a, 0.9);
    // Dots every few pixels along each segment read as a path without hiding the floor.
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1];
      const b = path[i];
      const steps = Math.max(1, Math.round(Math.hypot(b.x - a.x, b.y - a.y) / 8));
      for (let s = 0; s < steps; s++) this.graphics.fillCircle(a.x + ((b.x - a.x) * s) / steps, a.y + ((b.y - a.y) * s) / steps, 2);
    }
    const end = path[path.length - 1];
    if (end) this.graphics.lineStyle(2, 0xfde68a, 0.9).strokeCircle(end.x, end.y, 10);
    this.timer = setTimeout(() => this.clear(), SHOW_MS);
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.graphics.clear();
  }

  dispose(): void {
    this.clear();
    this.graphics.destroy();
  }
}
