import { useState } from "preact/hooks";
import { SETTING_FIELDS, type SpaceSettings } from "../../../shared/spaceSettings";
import { FieldErrors } from "../AdminApi";
import { announce, api, space } from "../adminState";
import { FieldError, invalid } from "./FieldError";

type Key = keyof SpaceSettings;
const KEYS = Object.keys(SETTING_FIELDS) as Key[];

/**
 * Every setting the API has, built from shared/spaceSettings. The form does no
 * checking of its own (noValidate): the API's messages, shown beside each
 * field, are the only ones, so page and API can never disagree.
 */
export function SettingsSection({ slug }: { slug: string }) {
  const saved = space.value!.settings;
  const [draft, setDraft] = useState<Record<Key, string | boolean>>(() => fromSettings(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const patch: Record<string, unknown> = {};
    for (const key of KEYS) {
      const field = SETTING_FIELDS[key];
      const value = field.kind === "number" ? toNumber(draft[key] as string) : draft[key];
      if (value !== saved[key]) patch[key] = value;
    }
    if (Object.keys(patch).length === 0) return announce("Nothing to save: no setting was changed");
    setBusy(true);
    setErrors({});
    try {
      space.value = await api.updateSettings(slug, patch as Partial<SpaceSettings>);
      setDraft(fromSettings(space.value.settings));
      announce("Settings saved; the open office uses them now");
    } catch (err) {
      if (err instanceof FieldErrors) setErrors(err.fields);
      announce(`Settings not saved: ${(err as Error).message}`, true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="admin-section" id="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form class="admin-form" onSubmit={onSubmit} noValidate aria-labelledby="settings-heading">
        {KEYS.map((key) => {
          const field = SETTING_FIELDS[key];
          const id = `setting-${key}`;
          const errorId = `${id}-error`;
          const set = (v: string | boolean) => setDraft({ ...draft, [key]: v });
          if (field.kind === "boolean") {
            return (
              <div key={key} class="admin-check">
                <input id={id} type="checkbox" checked={draft[key] as boolean} onChange={(e) => set((e.currentTarget as HTMLInputElement).checked)} {...invalid(errorId, errors[key])} />
                <label for={id}>{field.label}</label>
                <FieldError id={errorId} message={errors[key]} />
              </div>
            );
          }
          return (
            <div key={key}>
              <label class="field-label" for={id}>
                {field.label}
                {field.kind === "number" ? ` (${field.unit}, ${field.min}–${field.max})` : ""}
              </label>
              {field.kind === "number" ? (
                <input
                  id={id}
                  class="text-field"
                  inputMode="decimal"
                  value={draft[key] as string}
                  onInput={(e) => set((e.currentTarget as HTMLInputElement).value)}
                  {...invalid(errorId, errors[key])}
                />
              ) : (
                <select id={id} class="text-field" value={draft[key] as string} onChange={(e) => set((e.currentTarget as HTMLSelectElement).value)} {...invalid(errorId, errors[key])}>
                  {field.choices.map((c) => (
                    <option key={c} value={c}>
                      {(field.choiceLabels as Record<string, string>)[c] ?? c}
                    </option>
                  ))}
                </select>
              )}
              <FieldError id={errorId} message={errors[key]} />
            </div>
          );
        })}
        <button class="join-button" type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save settings"}
        </button>
      </form>
    </section>
  );
}

function fromSettings(s: SpaceSettings): Record<Key, string | boolean> {
  return Object.fromEntries(KEYS.map((k) => [k, typeof s[k] === "number" ? String(s[k]) : s[k]])) as Record<Key, string | boolean>;
}

/** The typed text as a number, or the text itself so the API names the problem ("must be a number"). */
function toNumber(text: string): number | string {
  const n = Number(text.trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(n) ? n : text;
}
