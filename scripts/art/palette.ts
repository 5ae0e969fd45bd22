/**
 * The one palette every tile and avatar is drawn from, so the office reads as one place.
 * Warm neutrals for floors and walls, muted accents for furniture, lit from the top-left.
 */
export type Color = readonly [number, number, number, number];

export function hex(s: string, alpha = 255): Color {
  const n = parseInt(s.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/** Move a colour towards white (amount > 0) or black (amount < 0); amount in [-1, 1]. */
export function shade(c: Color, amount: number): Color {
  const t = amount > 0 ? 255 : 0;
  const k = Math.abs(amount);
  return [
    Math.round(c[0] + (t - c[0]) * k),
    Math.round(c[1] + (t - c[1]) * k),
    Math.round(c[2] + (t - c[2]) * k),
    c[3],
  ];
}

export function withAlpha(c: Color, a: number): Color {
  return [c[0], c[1], c[2], a];
}

export const CLEAR: Color = [0, 0, 0, 0];

export const P = {
  outline: hex("#2b2233"),
  shadow: hex("#1a1420", 70),
  softShadow: hex("#1a1420", 40),
  white: hex("#f4f1ea"),

  woodLight: hex("#d9a86c"),
  wood: hex("#c08a52"),
  woodDark: hex("#8f5f36"),
  woodDeep: hex("#64402a"),

  oak: hex("#e6c89a"),
  oakDark: hex("#c9a774"),

  stageBoard: hex("#7a4b35"),
  stageBoardDark: hex("#5a3526"),

  carpetBlue: hex("#5e7fa6"),
  carpetTeal: hex("#4f8f8a"),
  carpetGreen: hex("#6f9467"),
  carpetRose: hex("#b27b7f"),

  tileCream: hex("#ece3cf"),
  tileSage: hex("#a9c2a0"),

  concrete: hex("#c4c0b8"),
  concreteDark: hex("#aaa59c"),
  stone: hex("#d8d2c6"),
  stoneDark: hex("#bdb4a4"),

  wallTop: hex("#4a4058"),
  wallTopLight: hex("#625673"),
  wallFace: hex("#e7dccb"),
  wallFaceShade: hex("#cdbfa9"),
  baseboard: hex("#8a7a6a"),

  glass: hex("#9fd3e6"),
  glassLight: hex("#d8f1f7"),
  sky: hex("#7fb7e0"),

  metal: hex("#a8adb5"),
  metalDark: hex("#6b7079"),
  screen: hex("#2a3a4f"),
  screenGlow: hex("#5fb7d9"),

  leaf: hex("#5a9a4f"),
  leafLight: hex("#86c06a"),
  leafDark: hex("#3b6b3a"),
  pot: hex("#c8694a"),
  potDark: hex("#94462f"),

  fabricTeal: hex("#3f8a8c"),
  fabricMustard: hex("#d6a23c"),
  fabricCoral: hex("#d66d5b"),
  fabricNavy: hex("#3c4d78"),
  fabricPlum: hex("#7a4e7e"),
  fabricGrey: hex("#6d7280"),

  paperWhite: hex("#fbfaf5"),
  red: hex("#d64f4f"),
  yellow: hex("#f2c94c"),
  green: hex("#6fbf73"),
  blue: hex("#4f86d6"),
  lampLight: hex("#fff1b8"),
} as const;
