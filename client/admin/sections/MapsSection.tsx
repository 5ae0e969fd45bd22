import { useEffect, useState } from "preact/hooks";
import type { MapVersion } from "../AdminApi";
import { act, announce, api, reloadSpace } from "../adminState";
import { bytes, when } from "../format";
import { MapUploadForm } from "./MapUploadForm";

/**
 * The space's map versions through the map API: each with its preview, to
 * look at before making it active (a newer one, or rolling back to an older
 * one), and an upload of a map as Tiled saved it. The open office moves onto
 * the active map by itself.
 */
export function MapsSection({ slug }: { slug: string }) {
  const [maps, setMaps] = useState<MapVersion[]>([]);
  const reload = () => api.maps(slug).then((m) => setMaps([...m].sort((a, b) => b.version - a.version)), (err: Error) => announce(err.message, true));
  useEffect(() => void reload(), [slug]);
  const active = maps.find((m) => m.active)?.version ?? 0;

  const activate = (m: MapVersion) =>
    act(() => api.activateMap(slug, m.version), `Map version ${m.version} is active; the open office moves onto it`).then(async () => {
      await reload();
      await reloadSpace(slug);
    });

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
            <th scope="col">Preview</th>
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
              <td data-label="Preview">
                {m.preview ? (
                  <a href={m.preview} target="_blank" rel="noopener" aria-label={`Open the preview of map version ${m.version} full size`}>
                    <img class="map-preview" src={m.preview} alt={`Preview of map version ${m.version}`} loading="lazy" />
                  </a>
                ) : (
                  <span class="muted">No preview for this version</span>
                )}
              </td>
              <td data-label="Name">{m.name}</td>
              <td data-label="Size">
                {m.width}×{m.height} tiles, {bytes(m.sizeBytes)}
                {m.warnings.length > 0 ? (
                  <>
                    <br />
                    <span class="muted">
                      {m.warnings.length} import warning{m.warnings.length === 1 ? "" : "s"}
                    </span>
                  </>
                ) : null}
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
      <MapUploadForm
        slug={slug}
        onUploaded={async () => {
          await reload();
          await reloadSpace(slug);
        }}
      />
    </section>
  );
}
