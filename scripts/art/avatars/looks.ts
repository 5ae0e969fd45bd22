/** The eight shipped looks; ids match shared/avatars.ts AVATAR_IDS. */
import type { AvatarId } from "../../../shared/avatars";
import { hex, type Color } from "../palette";

export type HairStyle = "short" | "long" | "bun" | "bob" | "afro" | "spiky" | "buzz" | "sidepart";
export type TopStyle = "tee" | "hoodie" | "shirt" | "cardigan" | "jacket" | "sweater";

export interface Look {
  skin: Color;
  hair: Color;
  hairStyle: HairStyle;
  top: Color;
  topStyle: TopStyle;
  /** Colour under an open top (cardigan, jacket) or of a tie/collar detail. */
  accent: Color;
  legs: Color;
  shoes: Color;
  glasses?: boolean;
  beard?: boolean;
}

const SKIN = {
  pale: hex("#f6d3b8"),
  light: hex("#eebf9a"),
  tan: hex("#d69c6e"),
  medium: hex("#b97a4f"),
  brown: hex("#8d5a3b"),
  deep: hex("#5e3a26"),
};

export const LOOKS: Record<AvatarId, Look> = {
  ada: { skin: SKIN.light, hair: hex("#a8432d"), hairStyle: "long", top: hex("#3f9d96"), topStyle: "sweater", accent: hex("#f4f1ea"), legs: hex("#34364a"), shoes: hex("#5a3a2a") },
  bo: { skin: SKIN.brown, hair: hex("#1f1a1d"), hairStyle: "buzz", top: hex("#e07a3c"), topStyle: "hoodie", accent: hex("#f4f1ea"), legs: hex("#3d5a8a"), shoes: hex("#f4f1ea") },
  cyd: { skin: SKIN.medium, hair: hex("#8a4fc2"), hairStyle: "spiky", top: hex("#5f9c4e"), topStyle: "tee", accent: hex("#f2c94c"), legs: hex("#5b5e66"), shoes: hex("#2b2233") },
  dee: { skin: SKIN.deep, hair: hex("#221a1c"), hairStyle: "afro", top: hex("#f0c13e"), topStyle: "jacket", accent: hex("#f4f1ea"), legs: hex("#2e3f66"), shoes: hex("#b8423a") },
  eli: { skin: SKIN.pale, hair: hex("#e8c767"), hairStyle: "sidepart", top: hex("#6b97d6"), topStyle: "shirt", accent: hex("#b8423a"), legs: hex("#b59a6a"), shoes: hex("#4a3226"), glasses: true },
  fay: { skin: SKIN.tan, hair: hex("#e58aa9"), hairStyle: "bob", top: hex("#f4f1ea"), topStyle: "tee", accent: hex("#d66d5b"), legs: hex("#2b2a33"), shoes: hex("#7a4e7e") },
  gus: { skin: SKIN.light, hair: hex("#6a4328"), hairStyle: "short", top: hex("#b94444"), topStyle: "shirt", accent: hex("#7a2c2c"), legs: hex("#6a5138"), shoes: hex("#2b2233"), beard: true, glasses: true },
  hana: { skin: SKIN.pale, hair: hex("#2a2230"), hairStyle: "bun", top: hex("#a792d4"), topStyle: "cardigan", accent: hex("#f4f1ea"), legs: hex("#3a3550"), shoes: hex("#2b2233") },
};
