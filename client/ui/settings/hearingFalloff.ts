import { DEFAULT_FALLOFF, type Falloff } from "../../media/distanceGain";

/**
 * The volume falloff for a chosen hearing distance: people fade to the quiet
 * floor at that distance instead of at the conversation's leave radius. It
 * only lowers volume; who is in a conversation stays the server's decision
 * (the conversation server has one radius per space, not per member).
 */
export function hearingFalloff(hearingTiles: number | null): Falloff {
  if (hearingTiles === null || !Number.isFinite(hearingTiles)) return DEFAULT_FALLOFF;
  const leaveTiles = Math.min(DEFAULT_FALLOFF.leaveTiles, Math.max(1, hearingTiles));
  const fullTiles = Math.min(DEFAULT_FALLOFF.fullTiles, leaveTiles / 2);
  return { fullTiles, leaveTiles, minGain: DEFAULT_FALLOFF.minGain };
}
