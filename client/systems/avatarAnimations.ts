import type * as Phaser from "phaser";
import { AVATAR_FRAME, AVATAR_IDS, FACINGS, type Facing } from "../../shared/avatars";

/**
 * Walk/idle frames of every avatar sheet (docs/art.md): one row per facing,
 * column 0 the idle pose, columns 1–3 the walk cycle.
 */

const WALK_FRAME_RATE = 10;

export function avatarTextureKey(avatar: string): string {
  return `avatar:${(AVATAR_IDS as readonly string[]).includes(avatar) ? avatar : AVATAR_IDS[0]}`;
}

export function idleFrame(facing: Facing): number {
  return FACINGS.indexOf(facing) * AVATAR_FRAME.columns;
}

export function walkAnimationKey(textureKey: string, facing: Facing): string {
  return `${textureKey}:walk:${facing}`;
}

export function preloadAvatars(scene: Phaser.Scene): void {
  for (const id of AVATAR_IDS) {
    scene.load.spritesheet(avatarTextureKey(id), `/assets/avatars/${id}.png`, {
      frameWidth: AVATAR_FRAME.width,
      frameHeight: AVATAR_FRAME.height,
    });
  }
}

export function createAvatarAnimations(scene: Phaser.Scene): void {
  for (const id of AVATAR_IDS) {
    const key = avatarTextureKey(id);
    for (const facing of FACINGS) {
      const animKey = walkAnimationKey(key, facing);
      if (scene.anims.exists(animKey)) continue;
      const first = idleFrame(facing);
      // Step, pass, step, pass: the middle walk frame doubles as the passing pose.
      const frames = [first + 1, first + 2, first + 3, first + 2];
      scene.anims.create({
        key: animKey,
        frames: scene.anims.generateFrameNumbers(key, { frames }),
        frameRate: WALK_FRAME_RATE,
        repeat: -1,
      });
    }
  }
}
