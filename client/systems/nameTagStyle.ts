/**
 * The colours of a name tag, in one place (NameTag paints the plate,
 * AvatarSprite picks the name's colour). The plate is dark in both page
 * themes: tags sit on the map, not on a panel (e2e/contrast checks both).
 */
export const TAG_PLATE = "rgba(15, 23, 42, 0.78)";
/** Your own name: warm and bold, so you find yourself in a crowd. */
export const TAG_SELF_NAME = "#fde68a";
export const TAG_OTHER_NAME = "#f8fafc";
