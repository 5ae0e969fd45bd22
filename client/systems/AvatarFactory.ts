import type * as Phaser from "phaser";
import { AvatarSprite } from "./AvatarSprite";

/** Creates avatar sprites and keeps their name tags crisp at the current zoom. */
export class AvatarFactory {
  private readonly avatars = new Set<AvatarSprite>();
  private textResolution = 2;

  constructor(private readonly scene: Phaser.Scene) {}

  create(avatar: string, name: string, isSelf: boolean): AvatarSprite {
    const sprite = new AvatarSprite(this.scene, avatar, name, isSelf, this.textResolution);
    this.avatars.add(sprite);
    return sprite;
  }

  release(sprite: AvatarSprite): void {
    this.avatars.delete(sprite);
    sprite.destroy();
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
  }
}
