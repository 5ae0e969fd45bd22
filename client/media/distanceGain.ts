import { DEFAULT_GROUPING_SETTINGS } from "../../shared/proximity/settings";

/**
 * How loud a conversation partner sounds at a given distance: full volume
 * close by, fading linearly towards the radius at which the conversation
 * would end, and never silent while still connected (someone at the edge of
 * a meeting-room conversation must stay audible).
 */
export interface Falloff {
  /** Full volume within this many tiles. */
  fullTiles: number;
  /** The conversation's leave radius: the quietest point. */
  leaveTiles: number;
  /** Gain at and beyond the leave radius; > 0. */
  minGain: number;
}

export const DEFAULT_FALLOFF: Readonly<Falloff> = Object.freeze({
  fullTiles: 2,
  leaveTiles: DEFAULT_GROUPING_SETTINGS.leaveRadiusTiles,
  minGain: 0.2,
});

export function distanceGain(distancePx: number, tileSize: number, falloff: Falloff = DEFAULT_FALLOFF): number {
  // Unknown positions (not yet replicated) must not mute anyone.
  if (!Number.isFinite(distancePx) || !(tileSize > 0)) return 1;
  const tiles = Math.max(0, distancePx) / tileSize;
  if (tiles <= falloff.fullTiles) return 1;
  const span = falloff.leaveTiles - falloff.fullTiles;
  if (!(span > 0) || tiles >= falloff.leaveTiles) return falloff.minGain;
  const t = (tiles - falloff.fullTiles) / span;
  return 1 - t * (1 - falloff.minGain);
}
