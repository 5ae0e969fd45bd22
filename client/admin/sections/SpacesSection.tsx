import { useState } from "preact/hooks";
import { FieldErrors, type SpaceDetails } from "../AdminApi";
import { act, announce, api, me } from "../adminState";
import { FieldError, invalid } from "./FieldError";

/** Your spaces (open, manage), creating one with a name, slug and optionally its own map, and deleting the current one. */
export function SpacesSection({ current }: { current?: SpaceDetails }) {
  const mine = me.value?.spaces ?? [];
  return (
    <section class="admin-section" id="spaces" aria-labelledby="spaces-heading">
      <h2 id="spaces-heading">Spaces</h2>
      {mine.length === 0 ? (
        <p>You belong to no space yet.</p>
      ) : (
        <ul class="admin-list" aria-label="Your spaces">
          {mine.map((s) => (
            <li key={s.slug}>
              <strong>{s.name}</strong> <span class="muted">({s.slug}, {s.banned ? "banned" : s.role})</span>{" "}
              <a href={`/?space=${encodeURIComponent(s.slug)}`}>Open {s.name}</a>
              {s.role === "owner" || s.role === "admin" ? (
                <>
                  {" · "}
                  <a href={`/admin/${encodeURIComponent(s.slug)}`} aria-current={current?.slug === s.slug ? "page" : undefined}>
                    Manage {s.name}
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {current ? (
        <details class="admin-more">
          <summary>Create another space</summary>
          <CreateSpace />
        </details>
      ) : (
        <CreateSpace />
      )}
      {current?.role === "owner" ? <DeleteSpace space={current} /> : null}
    </section>
  );
}

function CreateSpace() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "");
    const slug = String(data.get("slug") ?? "");
    const file = data.get("map");
    setBusy(true);
    setErrors({});
    try {
      await api.createSpace(slug, name);
      if (file instanceof File && file.size > 0) {
        await api.uploadMap(slug, await file.text(), file.name.replace(/\.json$/i, ""), true);
      }
      window.location.assign(`/admin/${encodeURIComponent(slug)}`);
    } catch (err) {
      if (err instanceof FieldErrors) setErrors(err.fields);
      announce(`Could not create the space: ${(err as Error).message}`, true);
      setBusy(false);
    }
  };
  return (
    <form class="admin-form" onSubmit={onSubmit} noValidate aria-labelledby="create-heading">
      <h3 id="create-heading">Create a space</h3>
      <label class="field-label" for="space-name">Name</label>
      <input class="text-field" id="space-name" name="name" required maxLength={80} {...invalid("space-name-error", errors.name)} />
      <FieldError id="space-name-error" message={errors.name} />
      <label class="field-label" for="space-slug">Address (slug)</label>
      <input class="text-field" id="space-slug" name="slug" required maxLength={48} {...invalid("space-slug-error", errors.slug, "space-slug-hint")} />
      <p class="field-hint" id="space-slug-hint">Lowercase letters, digits and dashes; the office opens at /?space=slug.</p>
      <FieldError id="space-slug-error" message={errors.slug} />
      <label class="field-label" for="space-map">Map (optional Tiled JSON; the standard office otherwise)</label>
      <input class="text-field" id="space-map" name="map" type="file" accept=".json,application/json" />
      <button class="join-button" type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create space"}
      </button>
    </form>
  );
}

function DeleteSpace({ space }: { space: SpaceDetails }) {
  const [summary, setSummary] = useState<{ members: number; mapVersions: number; invites: number } | null>(null);
  const [typed, setTyped] = useState("");
  const ask = async () => {
    try {
      setSummary(await api.deletion(space.slug));
    } catch (err) {
      announce((err as Error).message, true);
    }
  };
  const confirm = async () => {
    if (await act(() => api.deleteSpace(space.slug, typed), `${space.name} was deleted`)) window.location.assign("/admin");
  };
  return (
    <div class="admin-danger">
      <h3>Delete this space</h3>
      {!summary ? (
        <button type="button" class="danger-button" onClick={ask}>
          Delete {space.name}…
        </button>
      ) : (
        <div role="group" aria-labelledby="delete-warning">
          <p id="delete-warning">
            Deleting <strong>{space.name}</strong> removes, for good: its {summary.members} member{summary.members === 1 ? "" : "s"}' memberships (their
            accounts stay), {summary.mapVersions} map version{summary.mapVersions === 1 ? "" : "s"}, {summary.invites} invite link
            {summary.invites === 1 ? "" : "s"}, all bans, chat history, meetups and this audit log. Everyone in the office is sent out.
          </p>
          <label class="field-label" for="delete-confirm">
            Type the slug <strong>{space.slug}</strong> to confirm
          </label>
          <input class="text-field" id="delete-confirm" value={typed} onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)} autoComplete="off" />
          <div class="admin-actions">
            <button type="button" class="danger-button" disabled={typed !== space.slug} onClick={confirm}>
              Delete {space.name} for good
            </button>
            <button type="button" onClick={() => setSummary(null)}>
              Keep it
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
