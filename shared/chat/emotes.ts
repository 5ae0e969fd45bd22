/** Emotes shown above avatars for a few seconds; each has a keyboard shortcut (with Alt). */
export const EMOTE_KINDS = ["wave", "thumbs-up", "heart", "laugh", "raise-hand"] as const;
export type EmoteKind = (typeof EMOTE_KINDS)[number];

export const EMOTES: Readonly<Record<EmoteKind, { symbol: string; label: string; key: string }>> = {
  wave: { symbol: "👋", label: "Wave", key: "1" },
  "thumbs-up": { symbol: "👍", label: "Thumbs up", key: "2" },
  heart: { symbol: "❤️", label: "Heart", key: "3" },
  laugh: { symbol: "😄", label: "Laugh", key: "4" },
  "raise-hand": { symbol: "✋", label: "Raise hand", key: "5" },
};

/** How long an emote stays above an avatar. */
export const EMOTE_SHOW_MS = 4000;
