import { useEffect, useState } from "preact/hooks";
import type { MapVersion } from "../AdminApi";
import { act, announce, api, reloadSpace } from "../adminState";
import { bytes, when } from "../format";

/**
 * The space's map versions through the map API: upload a Tiled JSON map,
 * make any version active (a newer one, or roll back to an older one). The
 * open office moves onto the active map by itself.
 */
export function MapsSection({ slug }: { slug: string }) {
  const [maps, setMaps] = useState<MapVersion[]>([]);
  const [busy, setBusy] = useState(false);
  const reload = () => api.maps(slug).then((m) => setMaps([...m].sort((a, b) => b.version - a.version)), (err: Error) => announce(err.message, true));
  useEffect(() => void reload(), [slug]);
  const active = maps.find((m) => m.active)?.version ?? 0;

  const activate = (m: MapVersion) =>
    act(() => api.activateMap(slug, m.version), `Map version ${m.version} is active; the open office moves onto it`).then(async () => {
      await reload();
      await reloadSpace(slug);
    });

  const onUpload = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return announce("Choose a Tiled JSON map file first", true);
    setBusy(true);
    const ok = await act(
      async () => api.uploadMap(slug, await file.text(), String(data.get("name") ?? "").trim(), data.get("activate") === "on"),
      `${file.name} uploaded`,
    );
    setBusy(false);
    if (ok) {
      form.reset();
      await reload();
    }
  };

  return (
    <section class="admin-section" id="maps" aria-labelledby="maps-heading">
      <h2 id="maps-heading">Maps</h2>
      <p>
        <a href={`/admin/${encodeURIComponent(slug)}/edit`}>Edit the active map</a>: draw zones, desks and spawn points, save them as a new version.
      </p>
      <table class="admin-table">
        <caption>Map versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Name</th>
            <th scope="col">Size</th>
            <th scope="col">Uploaded</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {maps.map((m) => (
            <tr key={m.version}>
              <th scope="row">Version {m.version}</th>
              <td data-label="Name">{m.name}</td>
              <td data-label="Size">
                {m.width}×{m.height} tiles, {bytes(m.sizeBytes)}
              </td>
              <td data-label="Uploaded">{when(m.createdAt)}</td>
              <td>
                {m.active ? (
                  <strong>Active</strong>
                ) : (
                  <button type="button" onClick={() => activate(m)}>
                    {m.version < active ? `Roll back to version ${m.version}` : `Make version ${m.version} active`}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="admin-form" onSubmit={onUpload} aria-labelledby="upload-heading">
        <h3 id="upload-heading">Upload a map</h3>
        <label class="field-label" for="map-file">Tiled JSON map</label>
        <input class="text-field" id="map-file" name="file" type="file" accept=".json,application/json" />
        <label class="field-label" for="map-name">Name (optional)</label>
        <input class="text-field" id="map-name" name="name" maxLength={80} />
        <div class="admin-check">
          <input id="map-activate" name="activate" type="checkbox" />
          <label for="map-activate">Make it active right away</label>
        </div>
        <button class="join-button" type="submit" disabled={busy}>
          {busy ? "Uploading…" : "Upload map"}
        </button>
      </form>
    </section>
  );
}
