import * as Phaser from "phaser";
import { timerProgress, type FocusTimer } from "../../shared/status/focusTimer";
import { STATUS_COLOURS, isPresenceStatus } from "../../shared/status/statusKinds";
import { DEPTH } from "./depths";
import { labelFilter } from "./labelFilter";

/**
 * What an avatar shows about its person's status: a coloured dot beside the
 * name tag, the custom status text above it, and for Focus a ring around the
 * avatar that fills as the focus timer runs (a plain ring without a timer).
 */

export interface StatusInfo {
  status?: string;
  statusText?: string;
  focusStart?: number;
  focusEnd?: number;
}

const RING_WIDTH = 2;
const TEXT_MAX = 28;
/** The dot is 8 world pixels across (radius 3 plus its outline), baked at twice that for zoomed cameras. */
const DOT_WORLD_PX = 8;
const DOT_TEXTURE_PX = 16;

/**
 * One small image per status colour, made once per scene: an image is a single
 * cheap draw, where a vector circle is filled and stroked anew every frame.
 */
function dotTexture(scene: Phaser.Scene, status: string, colour: string): string {
  const key = `status-dot:${status}`;
  if (scene.textures.exists(key)) return key;
  const texture = scene.textures.createCanvas(key, DOT_TEXTURE_PX, DOT_TEXTURE_PX);
  if (!texture) return key;
  const ctx = texture.context;
  const r = DOT_TEXTURE_PX / 2;
  ctx.beginPath();
  ctx.arc(r, r, r - 1, 0, 2 * Math.PI);
  ctx.fillStyle = colour;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = "#0f172a";
  ctx.stroke();
  texture.setFilter(labelFilter(scene));
  texture.refresh();
  return key;
}

export class StatusDecor {
  private readonly dot: Phaser.GameObjects.Image;
  private readonly text: Phaser.GameObjects.Text;
  private readonly ring: Phaser.GameObjects.Graphics;
  private status = "available";
  private timer: FocusTimer = { phase: "off" };
  private shown = true;

  constructor(
    private readonly scene: Phaser.Scene,
    textResolution: number,
  ) {
    this.dot = scene.add
      .image(0, 0, dotTexture(scene, "available", STATUS_COLOURS.available))
      .setDisplaySize(DOT_WORLD_PX, DOT_WORLD_PX)
      .setDepth(DEPTH.nameTag);
    this.text = scene.add
      .text(0, 0, "", {
        fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif",
        fontSize: "8px",
        fontStyle: "italic",
        color: "#e2e8f0",
        backgroundColor: "rgba(15, 23, 42, 0.6)",
        padding: { x: 2, y: 0 },
        resolution: textResolution,
      })
      .setOrigin(0.5, 1)
      .setDepth(DEPTH.nameTag)
      .setVisible(false);
    this.text.texture.setFilter(labelFilter(scene));
    this.ring = scene.add.graphics().setVisible(false);
  }

  set(info: StatusInfo): void {
    this.status = isPresenceStatus(info.status) ? info.status : "available";
    this.dot.setTexture(dotTexture(this.scene, this.status, STATUS_COLOURS[this.status as keyof typeof STATUS_COLOURS]));
    const text = (info.statusText ?? "").trim();
    const shown = text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX - 1)}…` : text;
    if (this.text.text !== shown) this.text.setText(shown);
    this.text.setVisible(shown !== "");
    const start = info.focusStart ?? 0;
    const end = info.focusEnd ?? 0;
    this.timer = start > 0 ? { phase: "running", startedAt: start, endsAt: end } : end > 0 ? { phase: "ended", endedAt: end } : { phase: "off" };
    // Only Focus has a ring; an empty Graphics would still cost a draw call every frame.
    this.ring.setVisible(this.shown && this.status === "focus");
  }

  /** Follows the avatar: feet at (x, y), sprite `height` tall, name tag `tag`. */
  place(x: number, y: number, height: number, tag: Phaser.GameObjects.Text): void {
    this.dot.setPosition(tag.x - tag.width / 2 - 5, tag.y - tag.height / 2).setDepth(tag.depth);
    this.text.setPosition(tag.x, tag.y - tag.height - 1).setDepth(tag.depth);
    if (this.status === "focus") this.drawRing(x, y - height / 2, height / 2 + 3, y);
  }

  setTextResolution(resolution: number): void {
    this.text.setResolution(resolution);
  }

  /** Hidden with its avatar (culled off screen, or position not streamed to us). */
  setVisible(visible: boolean): void {
    this.shown = visible;
    this.dot.setVisible(visible);
    this.ring.setVisible(visible && this.status === "focus");
    this.text.setVisible(visible && this.text.text !== "");
  }

  destroy(): void {
    this.dot.destroy();
    this.text.destroy();
    this.ring.destroy();
  }

  private drawRing(cx: number, cy: number, radius: number, depth: number): void {
    const ring = this.ring.clear();
    ring.setDepth(depth + 0.5);
    const colour = Number.parseInt(STATUS_COLOURS.focus.slice(1), 16);
    if (this.timer.phase === "off") {
      ring.lineStyle(RING_WIDTH + 1, colour, 0.9).strokeCircle(cx, cy, radius);
      return;
    }
    // The timer's progress fills the ring clockwise from the top.
    const progress = timerProgress(this.timer, Date.now());
    const top = -Math.PI / 2;
    ring.lineStyle(RING_WIDTH, colour, 0.3).strokeCircle(cx, cy, radius);
    ring.lineStyle(RING_WIDTH + 1, colour, 1);
    ring.beginPath();
    ring.arc(cx, cy, radius, top, top + progress * 2 * Math.PI, false);
    ring.strokePath();
  }
}
