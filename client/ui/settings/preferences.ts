/**
 * Preferences kept in this browser: theme and how far you hear. (Name and look
 * are saved on the member through the accounts API.)
 */
export type Theme = "dark" | "light";

export interface Preferences {
  theme: Theme;
  /** How far you hear people, in tiles; the space's hearing radius bounds it. */
  hearingTiles: number | null;
  /** Browser notifications for knocks, messages, rings and meetups while the tab is hidden (opt-in). */
  notify?: boolean;
}

const KEY = "deskmap.preferences";
const DEFAULTS: Preferences = { theme: "dark", hearingTiles: null, notify: false };

/** The preferences last loaded or saved in this page (the call loop reads them often). */
let current: Preferences | null = null;

export function currentPreferences(): Preferences {
  return current ?? { ...DEFAULTS };
}

export function loadPreferences(storage: Storage | null): Preferences {
  current = readPreferences(storage);
  return current;
}

function readPreferences(storage: Storage | null): Preferences {
  try {
    const raw = JSON.parse(storage?.getItem(KEY) ?? "{}") as Partial<Preferences>;
    return {
      theme: raw.theme === "light" ? "light" : "dark",
      hearingTiles: typeof raw.hearingTiles === "number" && Number.isFinite(raw.hearingTiles) ? raw.hearingTiles : null,
      notify: raw.notify === true,
    };
  } catch {
    return { ...DEFAULTS };
  }
}

export function savePreferences(storage: Storage | null, preferences: Preferences): void {
  current = preferences;
  try {
    storage?.setItem(KEY, JSON.stringify(preferences));
  } catch {
    // Private mode or full storage: the choice lasts for this page only.
  }
}

/** Applies the theme through CSS variables (styles switch on the root's data-theme). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.querySelector('meta[name="color-scheme"]')?.setAttribute("content", theme);
}

/** Clamps a hearing distance to the space's bounds. */
export function clampHearing(tiles: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(tiles)));
}
