/**
 * Preferences kept in this browser: theme and how far you hear. (Name and look
 * are saved on the member through the accounts API.)
 */
/** "system" follows the device's light/dark setting, and keeps following it. */
export type Theme = "system" | "dark" | "light";

export interface Preferences {
  theme: Theme;
  /** How far you hear people, in tiles; the space's hearing radius bounds it. */
  hearingTiles: number | null;
  /** Browser notifications for knocks, messages, rings and meetups while the tab is hidden (opt-in). */
  notify?: boolean;
}

const KEY = "deskmap.preferences";
const DEFAULTS: Preferences = { theme: "system", hearingTiles: null, notify: false };

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
      theme: raw.theme === "light" || raw.theme === "dark" ? raw.theme : "system",
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

const LIGHT_QUERY = "(prefers-color-scheme: light)";
/** Undoes the listener of the last "system" theme, so only the current choice reacts. */
let stopFollowing: (() => void) | null = null;

/**
 * Applies the theme through CSS variables (styles switch on the root's
 * data-theme). "system" resolves to the device's setting now and again each
 * time the device switches, until another theme is applied.
 */
export function applyTheme(theme: Theme): void {
  stopFollowing?.();
  stopFollowing = null;
  const query = theme === "system" && typeof matchMedia === "function" ? matchMedia(LIGHT_QUERY) : null;
  const paint = () => {
    const resolved = theme === "system" ? (query?.matches ? "light" : "dark") : theme;
    document.documentElement.dataset.theme = resolved;
    document.querySelector('meta[name="color-scheme"]')?.setAttribute("content", resolved);
  };
  paint();
  if (query) {
    query.addEventListener("change", paint);
    stopFollowing = () => query.removeEventListener("change", paint);
  }
}

/** Clamps a hearing distance to the space's bounds. */
export function clampHearing(tiles: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(tiles)));
}
