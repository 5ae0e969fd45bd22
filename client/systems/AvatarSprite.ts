import type * as Phaser from "phaser";
import type { Facing } from "../../shared/avatars";
import { avatarTextureKey, idleFrame, walkAnimationKey } from "./avatarAnimations";
import { DEPTH } from "./depths";
import { NameTag } from "./NameTag";
import { TAG_OTHER_NAME, TAG_SELF_NAME } from "./nameTagStyle";
import { StatusDecor, statusColour, type StatusInfo } from "./StatusDecor";
import type { TagBox } from "./declutterTags";

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
  /** How far the tag is drawn above its place, so it does not overlap a neighbour's (declutterTags). */
  private lift = 0;
  /** The tag's box for the declutter pass, reused every frame. */
  readonly tagBox: TagBox;

  constructor(
    private readonly scene: Phaser.Scene,
    /** Whose avatar this is (member session id): emotes find their owner's tag by it. */
    public owner: string,
    avatar: string,
    name: string,
    isSelf: boolean,
    textResolution: number,
  ) {
    this.textResolution = textResolution;
    this.textureKey = avatarTextureKey(avatar);
    this.sprite = scene.add.sprite(0, 0, this.textureKey, 0).setOrigin(0.5, 1);
    this.tag = new NameTag(scene, name, isSelf ? { bold: true, colour: TAG_SELF_NAME } : { bold: false, colour: TAG_OTHER_NAME }, textResolution);
    this.tag.image.setDepth(DEPTH.nameTag);
    this.tagBox = { x: 0, bottom: 0, width: 0, height: 0, self: isSelf, lift: 0 };
  }

  /** Fills `tagBox` with where the tag would sit unlifted (tag and status text together). */
  measureTag(): TagBox {
    const box = this.tagBox;
    box.x = this.px;
    box.bottom = this.py - this.sprite.height - TAG_GAP_PX;
    box.width = Math.max(this.tag.width, this.decor?.textWidth ?? 0);
    box.height = this.tag.height + (this.decor?.textHeight ?? 0);
    return box;
  }

  /** The sprite's frame (the figure), in map pixels: top-left corner and size. */
  bodyRect(): { x: number; y: number; width: number; height: number } {
    const { width, height } = this.sprite;
    return { x: this.px - width / 2, y: this.py - height, width, height };
  }

  get tagLift(): number {
    return this.lift;
  }

  /** Draws the tag `lift` map pixels higher (0: in its place above the head). */
  setTagLift(lift: number): void {
    if (lift === this.lift) return;
    this.lift = lift;
    this.placeTag();
  }

  /** Places the avatar with its feet at (x, y) and picks the walk or idle pose. */
  setPose(x: number, y: number, facing: Facing, moving: boolean): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px !== this.px || py !== this.py || this.decor?.animated) {
      this.px = px;
      this.py = py;
      this.sprite.setPosition(px, py).setDepth(py);
      this.placeTag();
    }
    if (facing === this.facing && moving === this.moving) return;
    this.facing = facing;
    this.moving = moving;
    if (moving) this.sprite.play(walkAnimationKey(this.textureKey, facing), true);
    else this.sprite.stop().setFrame(idleFrame(facing));
  }

  private placeTag(): void {
    const { px, py } = this;
    // Your own tag above everyone else's, so no neighbour's is ever drawn over it.
    const depth = DEPTH.nameTag + py + (this.tagBox.self ? DEPTH.selfTagBoost : 0);
    this.tag.image.setPosition(px, py - this.sprite.height - TAG_GAP_PX - this.lift).setDepth(depth);
    this.decor?.place(px, py, this.sprite.height, this.tag.image);
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

  get name(): string {
    return this.tag.text;
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
