import type * as Phaser from "phaser";
import type { Facing } from "../../shared/avatars";
import { avatarTextureKey, idleFrame, walkAnimationKey } from "./avatarAnimations";
import { DEPTH } from "./depths";
import { NameTag } from "./NameTag";
import { StatusDecor, statusColour, type StatusInfo } from "./StatusDecor";

/**
 * One person on the map: the animated sprite, anchored at the feet, and a
 * name tag that stays readable above furniture.
 */

const TAG_GAP_PX = 2;

export class AvatarSprite {
  readonly sprite: Phaser.GameObjects.Sprite;
  readonly tag: NameTag;
  private readonly textureKey: string;
  private facing: Facing | null = null;
  private moving: boolean | null = null;
  private decor: StatusDecor | null = null;
  private textResolution: number;
  /** Where the avatar was last placed; a pose that did not change costs nothing (no depth re-sort). */
  private px = NaN;
  private py = NaN;

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
    this.tag = new NameTag(scene, name, isSelf ? { bold: true, colour: "#fde68a" } : { bold: false, colour: "#f8fafc" }, textResolution);
    this.tag.image.setDepth(DEPTH.nameTag);
  }

  /** Places the avatar with its feet at (x, y) and picks the walk or idle pose. */
  setPose(x: number, y: number, facing: Facing, moving: boolean): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px !== this.px || py !== this.py || this.decor?.animated) {
      this.px = px;
      this.py = py;
      this.sprite.setPosition(px, py).setDepth(py);
      this.tag.image.setPosition(px, py - this.sprite.height - TAG_GAP_PX).setDepth(DEPTH.nameTag + py);
      this.decor?.place(px, py, this.sprite.height, this.tag.image);
    }
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
    this.tag.image.setVisible(visible);
    this.decor?.setVisible(visible);
  }

  get visible(): boolean {
    return this.sprite.visible;
  }

  setName(name: string): void {
    this.tag.setName(name);
  }

  setTextResolution(resolution: number): void {
    this.textResolution = resolution;
    this.tag.setResolution(resolution);
    this.px = NaN; // the tag's size may have changed: place the status text again
    this.decor?.setTextResolution(resolution);
  }

  /** The status dot on the name tag; status text and focus ring drawn by StatusDecor. */
  setStatus(info: StatusInfo): void {
    this.tag.setDot(statusColour(info.status));
    this.decor ??= new StatusDecor(this.scene, this.textResolution);
    this.decor.set(info);
    this.px = NaN; // place the status text and ring on the next pose
  }

  destroy(): void {
    this.sprite.destroy();
    this.tag.destroy();
    this.decor?.destroy();
  }
}
