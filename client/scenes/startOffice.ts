import * as Phaser from "phaser";
import { chooseRenderer } from "./chooseRenderer";
import { OfficeScene, type OfficeSession } from "./OfficeScene";

const PHASER_RENDERER = { canvas: Phaser.CANVAS, webgl: Phaser.WEBGL, auto: Phaser.AUTO } as const;

/** Boots Phaser into `parent` with the office scene; pixel-art settings for crisp tiles. */
export function startOffice(parent: HTMLElement, session: OfficeSession): Phaser.Game {
  const game = new Phaser.Game({
    type: PHASER_RENDERER[chooseRenderer(globalThis.location?.search ?? "")],
    parent,
    pixelArt: true,
    roundPixels: true,
    backgroundColor: "#0b1020",
    // Keeps the last frame readable for screenshots and assistive tools that sample the canvas.
    preserveDrawingBuffer: true,
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 800, height: parent.clientHeight || 600 },
    // The window-level KeyboardIntent handles keys; Phaser must not capture them (it would swallow typing).
    input: { keyboard: false, mouse: { preventDefaultWheel: false } },
    audio: { noAudio: true },
    banner: false,
    scene: [],
  });
  game.scene.add("office", OfficeScene, true, session);
  game.events.once(Phaser.Core.Events.READY, () => {
    const canvas = game.canvas;
    // "application": the canvas consumes arrow keys itself, so screen readers pass them through.
    canvas.setAttribute("role", "application");
    canvas.setAttribute(
      "aria-label",
      "Office map. Walk with the arrow keys or WASD, or click a spot. The People list describes who is where.",
    );
    canvas.tabIndex = 0;
    // The join form just disappeared with focus in it: put the keyboard where walking happens.
    canvas.focus();
  });
  return game;
}
