import { useState } from "preact/hooks";
import { MapProblems, type UploadedMap } from "../AdminApi";
import { announce, api } from "../adminState";
import { planUpload } from "../mapBundle";

/** What the last upload came to: the import's warnings, or its refusal, in the API's words. */
type Outcome = { kind: "uploaded"; upload: UploadedMap } | { kind: "refused"; message: string; problems: string[]; more: number };

/**
 * Upload a map as its author saved it: the Tiled JSON with its tilesets and
 * images (one multiple-file pick), or a .zip of the folder. mapBundle places
 * each picked file where the map names it; the server checks everything and
 * the page shows its warnings and problems as it words them.
 */
export function MapUploadForm({ slug, onUploaded }: { slug: string; onUploaded: (version: number) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const picked = data.getAll("files").filter((f): f is File => f instanceof File && f.name !== "");
    const plan = await planUpload(picked);
    if (plan.kind === "refused") {
      setOutcome({ kind: "refused", message: plan.reason, problems: [], more: 0 });
      return announce(plan.reason, true);
    }
    let body: FormData | Blob;
    if (plan.kind === "zip") {
      body = new Blob([plan.file], { type: "application/zip" });
    } else {
      body = new FormData();
      body.append("map", plan.map.file, plan.map.path);
      for (const f of plan.files) body.append("file", f.file, f.path);
    }
    const name = String(data.get("name") ?? "").trim();
    setBusy(true);
    try {
      const upload = await api.uploadMap(slug, body, name, data.get("activate") === "on");
      setOutcome({ kind: "uploaded", upload });
      const warned = upload.warnings.length + upload.moreWarnings;
      announce(`Uploaded as map version ${upload.map.version}${upload.map.active ? ", now active" : ""}${warned ? `, with ${warned} warning${warned === 1 ? "" : "s"}` : ""}`);
      form.reset();
      await onUploaded(upload.map.version);
    } catch (err) {
      const problems = err instanceof MapProblems ? err : null;
      setOutcome({ kind: "refused", message: (err as Error).message, problems: problems?.problems ?? [], more: problems?.more ?? 0 });
      announce(`The map was not uploaded: ${(err as Error).message}`, true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="admin-form" onSubmit={onSubmit} aria-labelledby="upload-heading">
      <h3 id="upload-heading">Upload a map</h3>
      <label class="field-label" for="map-files">Map files</label>
      <input
        class="text-field"
        id="map-files"
        name="files"
        type="file"
        multiple
        accept=".json,.tmj,.tsx,.tsj,.png,.jpg,.jpeg,.webp,.zip,application/json,application/zip,image/png,image/jpeg,image/webp"
        aria-describedby="map-files-hint"
      />
      <p class="field-hint" id="map-files-hint">
        The map as Tiled saved it: its JSON file together with its tileset images (and .tsx tilesets), or one .zip of its folder.
      </p>
      <label class="field-label" for="map-name">Name (optional)</label>
      <input class="text-field" id="map-name" name="name" maxLength={80} />
      <div class="admin-check">
        <input id="map-activate" name="activate" type="checkbox" />
        <label for="map-activate">Make it active right away</label>
      </div>
      <button class="join-button" type="submit" disabled={busy}>
        {busy ? "Uploading…" : "Upload map"}
      </button>
      {/* MAP_EDITOR_LINK: a link to the map editor goes here once the editor exists (issue #17 "this page links to it"). */}
      <UploadOutcome outcome={outcome} />
    </form>
  );
}

function UploadOutcome({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  if (outcome.kind === "refused") {
    return (
      <div class="admin-outcome admin-outcome-refused" role="group" aria-label="Upload refused">
        <p class="field-error">Not uploaded: {outcome.problems.length > 0 ? "the map has problems to fix first." : outcome.message}</p>
        {outcome.problems.length > 0 ? (
          <ul class="admin-list" aria-label="Problems">
            {outcome.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
            {outcome.more > 0 ? <li>…and {outcome.more} more</li> : null}
          </ul>
        ) : null}
      </div>
    );
  }
  const { map, warnings, moreWarnings } = outcome.upload;
  return (
    <div class="admin-outcome" role="group" aria-label="Upload result">
      <p>
        Uploaded as version {map.version}
        {map.active ? " and made active." : ": look at its preview in the list above, then make it active there."}
      </p>
      {warnings.length > 0 ? (
        <ul class="admin-list" aria-label="Warnings">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
          {moreWarnings > 0 ? <li>…and {moreWarnings} more</li> : null}
        </ul>
      ) : (
        <p>The import had no warnings.</p>
      )}
    </div>
  );
}
