import * as Phaser from "phaser";

/**
 * How text and badges drawn at screen resolution are sampled. The game uses
 * pixelArt (nearest) for the art; labels are rendered at zoom × device pixel
 * ratio, so WebGL samples them smoothly for free. The 2D canvas renderer pays
 * about twice per draw for smoothing, and Phaser stretches every draw by half
 * a pixel to hide seams, which would make it smooth each of a few hundred
 * labels every frame: there labels are sampled nearest, which at a whole
 * zoom costs at most one repeated pixel column.
 */
export function labelFilter(scene: Phaser.Scene): Phaser.Textures.FilterMode {
  return scene.game.renderer.type === Phaser.CANVAS ? Phaser.Textures.FilterMode.NEAREST : Phaser.Textures.FilterMode.LINEAR;
}
