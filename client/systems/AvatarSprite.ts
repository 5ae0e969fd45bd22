import * as Phaser from "phaser";
import type { Facing } from "../../shared/avatars";
import { avatarTextureKey, idleFrame, walkAnimationKey } from "./avatarAnimations";
import { DEPTH } from "./depths";
import { labelFilter } from "./labelFilter";
import { StatusDecor, type StatusInfo } from "./StatusDecor";

/**
 * One person on the map: the animated sprite, anchored at the feet, and a
 * name tag that stays readable above furniture.
 */

const TAG_GAP_PX = 2;

export class AvatarSprite {
  readonly sprite: Phaser.GameObjects.Sprite;
  readonly tag: Phaser.GameObjects.Text;
  private readonly textureKey: string;
  private facing: Facing | null = null;
  private moving: boolean | null = null;
  private decor: StatusDecor | null = null;
  private textResolution: number;

  constructor(
    private readonly scene: Phaser.Scene,
    avatar: string,
    name: string,
    isSelf: boolean,
    textResolution: number,
  ) {
    this.textResolution = textResolution;
    this.textureKey = avatarTextureKey(avatar);
    this.sprite = scene.add.sprite(0, 0, this.textureKey, 0).setOrigin(0.5, 1);
    this.tag = scene.add
      .text(0, 0, name, {
        fontFamily: "system-ui, -apple-system, 'Segoe UI', sans-serif",
        fontSize: "9px",
        fontStyle: isSelf ? "bold" : "normal",
        color: isSelf ? "#fde68a" : "#f8fafc",
        backgroundColor: "rgba(15, 23, 42, 0.78)",
        padding: { x: 3, y: 1 },
        resolution: textResolution,
      })
      .setOrigin(0.5, 1)
      .setDepth(DEPTH.nameTag);
    this.tag.texture.setFilter(labelFilter(scene));
  }

  /** Places the avatar with its feet at (x, y) and picks the walk or idle pose. */
  setPose(x: number, y: number, facing: Facing, moving: boolean): void {
    const px = Math.round(x);
    const py = Math.round(y);
    this.sprite.setPosition(px, py).setDepth(py);
    this.tag.setPosition(px, py - this.sprite.height - TAG_GAP_PX).setDepth(DEPTH.nameTag + py);
    this.decor?.place(px, py, this.sprite.height, this.tag);
    if (facing === this.facing && moving === this.moving) return;
    this.facing = facing;
    this.moving = moving;
    if (moving) this.sprite.play(walkAnimationKey(this.textureKey, facing), true);
    else this.sprite.stop().setFrame(idleFrame(facing));
  }

  /** Culling and pooling: hidden avatars cost nothing to draw. */
  setVisible(visible: boolean): void {
    if (this.sprite.visible === visible) return;
    this.sprite.setVisible(visible);
    this.tag.setVisible(visible);
    this.decor?.setVisible(visible);
  }

  get visible(): boolean {
    return this.sprite.visible;
  }

  setName(name: string): void {
    if (this.tag.text !== name) this.tag.setText(name);
  }

  setTextResolution(resolution: number): void {
    this.textResolution = resolution;
    this.tag.setResolution(resolution);
    this.decor?.setTextResolution(resolution);
  }

  /** Status badge, text and focus ring (drawn by StatusDecor). */
  setStatus(info: StatusInfo): void {
    this.decor ??= new StatusDecor(this.scene, this.textResolution);
    this.decor.set(info);
  }

  destroy(): void {
    this.sprite.destroy();
    this.tag.destroy();
    this.decor?.destroy();
  }
}
