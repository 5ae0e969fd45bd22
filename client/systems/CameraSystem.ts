import type * as Phaser from "phaser";

/**
 * Follows the local avatar within the map's bounds at a whole-number zoom,
 * so pixel art stays crisp, re-choosing the zoom when the window resizes.
 */

/** Aim to show at least about this many tiles across the smaller screen side. */
const TARGET_VIEW_PX = { width: 640, height: 400 };
const MAX_ZOOM = 4;

export function chooseZoom(viewWidth: number, viewHeight: number): number {
  const fit = Math.min(viewWidth / TARGET_VIEW_PX.width, viewHeight / TARGET_VIEW_PX.height);
  return Math.max(1, Math.min(MAX_ZOOM, Math.round(fit)));
}

export class CameraSystem {
  private readonly camera: Phaser.Cameras.Scene2D.Camera;
  private readonly onResize: (size: Phaser.Structs.Size) => void;

  constructor(
    private readonly scene: Phaser.Scene,
    mapWidthPx: number,
    mapHeightPx: number,
    private readonly onZoom: (zoom: number) => void,
  ) {
    this.camera = scene.cameras.main;
    this.camera.setBounds(0, 0, mapWidthPx, mapHeightPx, true);
    this.camera.setRoundPixels(true);
    this.camera.setBackgroundColor("#0b1020");
    this.onResize = (size) => this.applyZoom(size.width, size.height);
    scene.scale.on("resize", this.onResize);
    this.applyZoom(scene.scale.width, scene.scale.height);
  }

  private target: Phaser.GameObjects.GameObject | null = null;

  /** Follows `target`; calling again with the same target does nothing. */
  follow(target: Phaser.GameObjects.GameObject & { x: number; y: number }): void {
    if (target === this.target) return;
    this.target = target;
    this.camera.startFollow(target, true);
  }

  /** Pans to a point for a while (locating someone), then follows the avatar again. */
  lookAt(point: { x: number; y: number }, holdMs = 4000): void {
    if (this.returnTimer) clearTimeout(this.returnTimer);
    this.camera.stopFollow();
    this.camera.pan(point.x, point.y, 500, "Sine.easeInOut", true);
    this.returnTimer = setTimeout(() => {
      this.returnTimer = null;
      const target = this.target;
      this.target = null;
      if (target) this.follow(target as Phaser.GameObjects.GameObject & { x: number; y: number });
    }, holdMs);
  }

  private returnTimer: ReturnType<typeof setTimeout> | null = null;

  get zoom(): number {
    return this.camera.zoom;
  }

  dispose(): void {
    this.scene.scale.off("resize", this.onResize);
    if (this.returnTimer) clearTimeout(this.returnTimer);
    this.camera.stopFollow();
  }

  private applyZoom(width: number, height: number): void {
    const zoom = chooseZoom(width, height);
    if (zoom !== this.camera.zoom) this.camera.setZoom(zoom);
    this.onZoom(zoom);
  }
}
