import type * as Phaser from "phaser";
import { timerProgress, type FocusTimer } from "../../shared/status/focusTimer";
import { STATUS_COLOURS, isPresenceStatus, type PresenceStatus } from "../../shared/status/statusKinds";
import { DEPTH } from "./depths";
import { labelFilter } from "./labelFilter";

/**
 * What an avatar shows about its person's status besides the dot on its name
 * tag (NameTag): the custom status text above the tag, and for Focus a ring
 * around the avatar that fills as the focus timer runs (a plain ring without
 * a timer).
 */

export interface StatusInfo {
  status?: string;
  statusText?: string;
  focusStart?: number;
  focusEnd?: number;
}

const RING_WIDTH = 2;
const TEXT_MAX = 28;
/** A status as shown: unknown ones read as available. */
function shownStatus(status: string | undefined): PresenceStatus {
  return isPresenceStatus(status) ? status : "available";
}

/** The colour of a status's dot on the name tag. */
export function statusColour(status: string | undefined): string {
  return STATUS_COLOURS[shownStatus(status)];
}

export class StatusDecor {
  private readonly text: Phaser.GameObjects.Text;
  private readonly ring: Phaser.GameObjects.Graphics;
  private status: PresenceStatus = "available";
  private timer: FocusTimer = { phase: "off" };
  private shown = true;

  constructor(scene: Phaser.Scene, textResolution: number) {
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
    this.status = shownStatus(info.status);
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

  /** Size of the status text over the tag, in map pixels (0 when there is none). */
  get textWidth(): number {
    return this.text.visible ? this.text.displayWidth : 0;
  }

  get textHeight(): number {
    return this.text.visible ? this.text.displayHeight + 1 : 0;
  }

  /** Whether the decoration changes by itself (a running focus timer), so must be placed every frame. */
  get animated(): boolean {
    return this.status === "focus" && this.timer.phase === "running";
  }

  /** Follows the avatar: feet at (x, y), sprite `height` tall, name tag `tag` (origin bottom centre). */
  place(x: number, y: number, height: number, tag: Phaser.GameObjects.Image): void {
    this.text.setPosition(tag.x, tag.y - tag.displayHeight - 1).setDepth(tag.depth);
    if (this.status === "focus") this.drawRing(x, y - height / 2, height / 2 + 3, y);
  }

  setTextResolution(resolution: number): void {
    this.text.setResolution(resolution);
  }

  /** Hidden with its avatar (culled off screen, or position not streamed to us). */
  setVisible(visible: boolean): void {
    this.shown = visible;
    this.ring.setVisible(visible && this.status === "focus");
    this.text.setVisible(visible && this.text.text !== "");
  }

  destroy(): void {
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
