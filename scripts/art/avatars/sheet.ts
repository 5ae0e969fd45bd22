/** Lays out one avatar sheet exactly as shared/avatars.ts describes (rows = FACINGS, columns = idle + walk). */
import { Canvas } from "../canvas";
import { AVATAR_FRAME, FACINGS } from "../../../shared/avatars";
import { drawFrame } from "./body";
import type { Look } from "./looks";

export function avatarSheet(look: Look): Canvas {
  const { width, height, columns, rows } = AVATAR_FRAME;
  const sheet = new Canvas(width * columns, height * rows);
  FACINGS.forEach((facing, row) => {
    for (let col = 0; col < columns; col++) {
      sheet.blit(drawFrame(look, facing, col), col * width, row * height);
    }
  });
  return sheet;
}
