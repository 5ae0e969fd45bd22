import type * as Phaser from "phaser";
import { AvatarSprite } from "./AvatarSprite";
import { declutterTags, type TagBox } from "./declutterTags";

/**
 * More tags than this on screen (a packed all-hands) are left where they are:
 * stacking cannot make a crowd's tags readable, and the pass is quadratic in
 * the tags that touch. Your own tag is still drawn over all the others.
 */
const DECLUTTER_MAX_TAGS = 64;

type Rect = { x: number; y: number; width: number; height: number };
/** A drawn name tag, by its owner's session id, with the owner's figure. */
export type TagRect = Rect & { id: string; name: string; self: boolean; body: Rect };

/**
 * Creates avatar sprites and keeps their name tags crisp at the current zoom.
 * Released sprites of other people are pooled per avatar look and reused, so
 * people coming and going (hundreds in a big office) do not churn textures
 * and game objects.
 */
export class AvatarFactory {
  private readonly avatars = new Set<AvatarSprite>();
  private readonly pool = new Map<string, AvatarSprite[]>();
  private readonly looks = new WeakMap<AvatarSprite, string>();
  private textResolution = 2;
  /** Reused by layoutTags every frame (no allocation in the render loop). */
  private readonly boxes: TagBox[] = [];
  private readonly owners = new WeakMap<TagBox, AvatarSprite>();

  constructor(private readonly scene: Phaser.Scene) {}

  create(owner: string, avatar: string, name: string, isSelf: boolean): AvatarSprite {
    const pooled = isSelf ? undefined : this.pool.get(avatar)?.pop();
    if (pooled) {
      pooled.owner = owner;
      pooled.setName(name);
      pooled.setVisible(true);
      return pooled;
    }
    const sprite = new AvatarSprite(this.scene, owner, avatar, name, isSelf, this.textResolution);
    this.avatars.add(sprite);
    if (!isSelf) this.looks.set(sprite, avatar);
    return sprite;
  }

  release(sprite: AvatarSprite): void {
    const look = this.looks.get(sprite);
    if (look === undefined) {
      this.avatars.delete(sprite);
      sprite.destroy();
      return;
    }
    sprite.setVisible(false);
    let list = this.pool.get(look);
    if (!list) this.pool.set(look, (list = []));
    list.push(sprite);
  }

  /**
   * Stacks name tags that would overlap (declutterTags), for the avatars drawn
   * this frame; call after every avatar was posed.
   */
  layoutTags(): void {
    const boxes = this.boxes;
    boxes.length = 0;
    for (const avatar of this.avatars) {
      if (!avatar.visible) continue;
      const box = avatar.measureTag();
      if (!Number.isFinite(box.x)) continue;
      boxes.push(box);
      this.owners.set(box, avatar);
    }
    if (boxes.length > DECLUTTER_MAX_TAGS) for (const box of boxes) box.lift = 0;
    else declutterTags(boxes);
    for (const box of boxes) this.owners.get(box)?.setTagLift(box.lift);
  }

  /** Visible avatars' owners, names, tag rectangles (tag and status text) as drawn and figures, in map pixels. */
  tagRects(): TagRect[] {
    const out = [];
    for (const avatar of this.avatars) {
      if (!avatar.visible) continue;
      const box = avatar.measureTag();
      if (!Number.isFinite(box.x)) continue;
      const bottom = box.bottom - avatar.tagLift;
      out.push({
        id: avatar.owner,
        name: avatar.name,
        self: box.self,
        x: box.x - box.width / 2,
        y: bottom - box.height,
        width: box.width,
        height: box.height,
        body: avatar.bodyRect(),
      });
    }
    return out;
  }

  /** The part of the map the camera shows, in world pixels (for culling). */
  view(): Phaser.Geom.Rectangle {
    return this.scene.cameras.main.worldView;
  }

  /** Render name tags at (zoom × device pixel ratio) so they stay sharp when the camera zooms. */
  setZoom(zoom: number): void {
    const resolution = Math.max(1, Math.ceil(zoom * (globalThis.devicePixelRatio || 1)));
    if (resolution === this.textResolution) return;
    this.textResolution = resolution;
    for (const avatar of this.avatars) avatar.setTextResolution(resolution);
  }

  dispose(): void {
    for (const avatar of this.avatars) avatar.destroy();
    this.avatars.clear();
    this.pool.clear();
  }
}
