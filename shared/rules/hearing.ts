/** How far a member may choose to hear people, in tiles (the settings slider; saved on the member). */
export const HEARING_TILES_MIN = 1;
export const HEARING_TILES_MAX = 6;
