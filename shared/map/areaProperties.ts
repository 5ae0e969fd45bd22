import type { TiledProperty } from "./tiledTypes";
import type { ZoneType } from "./types";

/**
 * How WorkAdventure's area and layer properties map onto Deskmap zones: each
 * property that means "people here talk together" becomes a meeting, "no
 * calls here" a quiet zone, a megaphone a stage. Properties with no Deskmap
 * meaning are named back to the uploader as warnings.
 */

export const ZONE_TYPES: readonly ZoneType[] = ["meeting", "stage", "quiet", "private"];

export interface AreaMeaning {
  zone?: { type: ZoneType; platform: boolean; name?: string };
  /** The area (or layer) is where people arrive. */
  start: boolean;
  /** Property names Deskmap does not act on. */
  unused: string[];
}

/** Properties that only qualify another one (a trigger, a message, a config), so they are not reported on their own. */
const QUALIFIERS = /(Trigger|TriggerMessage|Message|Config|InterfaceConfig|Width|Height|Policy|AdminTag|Closable|Allow|AllowApi|Volume|Loop|Scope)$/;
const IGNORED = new Set(["collides", "above", "type", "platform", "zone", "kind", "id", "facing", "name", "class"]);
/** WorkAdventure properties with no Deskmap meaning yet: reported even on tile layers, where other properties are the author's own. */
const WORKADVENTURE_ONLY = new Set(["exitUrl", "exitSceneUrl", "openWebsite", "openTab", "playAudio", "openFile", "url", "bbbRoom", "matrixRoom", "chatName"]);

/** What an area's (or a tile layer's) properties ask of Deskmap. */
export function readAreaProperties(properties: readonly TiledProperty[] | undefined, areaName: string, strict: boolean): AreaMeaning {
  const meaning: AreaMeaning = { start: areaName === "start", unused: [] };
  const text = (p: TiledProperty) => (typeof p.value === "string" ? p.value.trim() : "");
  for (const p of properties ?? []) {
    const on = p.value === true || (typeof p.value === "string" && p.value.trim() !== "");
    switch (p.name) {
      case "jitsiRoom":
      case "bbbMeeting":
      case "bigbluebuttonMeeting":
        if (on) meaning.zone ??= { type: "meeting", platform: false, name: text(p) || undefined };
        break;
      case "focusable":
        if (on) meaning.zone ??= { type: "meeting", platform: false };
        break;
      case "silent":
        if (on) meaning.zone ??= { type: "quiet", platform: false };
        break;
      case "speakerMegaphone":
        if (on) meaning.zone ??= { type: "stage", platform: true, name: text(p) || undefined };
        break;
      case "listenerMegaphone":
        if (on) meaning.zone ??= { type: "stage", platform: false, name: text(p) || undefined };
        break;
      case "startLayer":
      case "start":
        if (on) meaning.start = true;
        break;
      case "deskmapZone": {
        const t = text(p);
        if (ZONE_TYPES.includes(t as ZoneType)) meaning.zone ??= { type: t as ZoneType, platform: false };
        else meaning.unused.push(p.name);
        break;
      }
      default:
        if (WORKADVENTURE_ONLY.has(p.name) || (strict && !IGNORED.has(p.name) && !QUALIFIERS.test(p.name))) meaning.unused.push(p.name);
    }
  }
  return meaning;
}
