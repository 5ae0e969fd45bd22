import { SETTING_FIELDS, type SpaceSettings } from "../../shared/spaceSettings";

/** "Largest conversation: 6 → 4; Admit guests: yes → no", for the audit log. */
export function describeSettingsChange(before: Partial<SpaceSettings>, patch: Partial<SpaceSettings>): string {
  const parts = Object.entries(patch).map(([key, value]) => {
    const field = SETTING_FIELDS[key as keyof SpaceSettings];
    const show = (v: unknown) => (typeof v === "boolean" ? (v ? "yes" : "no") : String(v ?? "unset"));
    return `${field?.label ?? key}: ${show(before[key as keyof SpaceSettings])} → ${show(value)}`;
  });
  return parts.join("; ");
}
