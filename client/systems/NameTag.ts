import type * as Phaser from "phaser";
import { labelFilter } from "./labelFilter";
import { TAG_PLATE } from "./nameTagStyle";

/**
 * The label over an avatar: the status dot and the name on one dark plate,
 * painted into a texture of its own only when the name, the dot or the zoom
 * changes. One image per person means one draw per frame where a text object
 * and a separate dot were two, which counts with hundreds of people on screen
 * and no GPU (docs/benchmarks.md, "Client frame times").
 */

const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', sans-serif";
const FONT_PX = 9;
const LINE_PX = 11;
const PAD_X = 3;
const PAD_Y = 1;
const DOT_PX = 6;
const DOT_GAP = 3;
const DOT_OUTLINE = "#0f172a";

export interface NameTagStyle {
  bold: boolean;
  colour: string;
}

let serial = 0;

export class NameTag {
  readonly image: Phaser.GameObjects.Image;
  private readonly texture: Phaser.Textures.CanvasTexture;
  private name: string;
  private dot: string | null = null;
  private resolution: number;

  constructor(
    private readonly scene: Phaser.Scene,
    name: string,
    private readonly style: NameTagStyle,
    resolution: number,
  ) {
    this.name = name;
    this.resolution = resolution;
    const texture = scene.textures.createCanvas(`name-tag:${++serial}`, 1, 1);
    if (!texture) throw new Error("could not make a name tag texture");
    this.texture = texture;
    texture.setFilter(labelFilter(scene));
    this.image = scene.add.image(0, 0, texture).setOrigin(0.5, 1);
    this.paint();
  }

  /** Size on the map, in world pixels. */
  get width(): number {
    return this.texture.width / this.resolution;
  }

  get height(): number {
    return this.texture.height / this.resolution;
  }

  get text(): string {
    return this.name;
  }

  setName(name: string): void {
    if (name === this.name) return;
    this.name = name;
    this.paint();
  }

  /** The status dot's colour (CSS), or null for no dot. */
  setDot(colour: string | null): void {
    if (colour === this.dot) return;
    this.dot = colour;
    this.paint();
  }

  /** Paints at `resolution` texture pixels per world pixel, so the tag stays sharp at any zoom. */
  setResolution(resolution: number): void {
    if (resolution === this.resolution) return;
    this.resolution = resolution;
    this.paint();
  }

  destroy(): void {
    this.image.destroy();
    this.scene.textures.remove(this.texture);
  }

  private paint(): void {
    const r = this.resolution;
    const font = `${this.style.bold ? "bold " : ""}${FONT_PX * r}px ${FONT_FAMILY}`;
    const ctx = this.texture.context;
    ctx.font = font;
    const textWidth = Math.ceil(ctx.measureText(this.name).width);
    const dotSpace = this.dot ? (DOT_PX + DOT_GAP) * r : 0;
    const width = Math.max(1, PAD_X * 2 * r + dotSpace + textWidth);
    const height = (LINE_PX + PAD_Y * 2) * r;
    // Resizing clears the canvas and its drawing state; the same size keeps both.
    this.texture.setSize(width, height);
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = TAG_PLATE;
    ctx.fillRect(0, 0, width, height);
    if (this.dot) {
      ctx.beginPath();
      ctx.arc(PAD_X * r + (DOT_PX * r) / 2, height / 2, (DOT_PX * r) / 2 - r / 2, 0, 2 * Math.PI);
      ctx.fillStyle = this.dot;
      ctx.fill();
      ctx.lineWidth = r;
      ctx.strokeStyle = DOT_OUTLINE;
      ctx.stroke();
    }
    ctx.font = font;
    ctx.textBaseline = "middle";
    ctx.fillStyle = this.style.colour;
    ctx.fillText(this.name, PAD_X * r + dotSpace, height / 2 + r / 2);
    this.texture.refresh();
    this.image.setSizeToFrame().setOrigin(0.5, 1).setScale(1 / r);
  }
}
