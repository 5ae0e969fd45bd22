import { useEffect, useState } from "preact/hooks";
import type { AuditEntry } from "../AdminApi";
import { announce, api } from "../adminState";
import { when } from "../format";

const ACTIONS: Record<string, string> = {
  "owner.claim": "Became owner",
  "owner.handover": "Handed over ownership",
  "space.create": "Created the space",
  "settings.change": "Changed settings",
  "invite.create": "Created an invite",
  "invite.revoke": "Revoked an invite",
  "invite.use": "Joined with an invite",
  "member.role": "Changed a role",
  "member.remove": "Removed someone",
  "member.kick": "Sent someone out",
  "member.ban": "Banned someone",
  "member.unban": "Lifted a ban",
  "map.upload": "Uploaded a map",
  "map.activate": "Changed the active map",
  "map.edit": "Edited the map",
};

/** Who did what, when: the space's admin actions as the server recorded them, newest first. */
export function AuditSection({ slug }: { slug: string }) {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const load = async (before?: string) => {
    try {
      const page = await api.audit(slug, before);
      setEntries((old) => (before ? [...old, ...page.entries] : page.entries));
      setMore(page.more);
    } catch (err) {
      announce((err as Error).message, true);
    }
  };
  useEffect(() => void load(), [slug]);

  return (
    <section class="admin-section" id="audit" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <button type="button" onClick={() => load()}>
        Refresh the log
      </button>
      <table class="admin-table">
        <caption>Admin actions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td data-label="When">{when(e.at)}</td>
              <td data-label="Who">{e.actorName}</td>
              <td data-label="What">
                {ACTIONS[e.action] ?? e.action}
                {e.target ? `: ${e.target}` : ""}
              </td>
              <td data-label="Details">{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more ? (
        <button type="button" onClick={() => load(entries[entries.length - 1]?.at)}>
          Show older entries
        </button>
      ) : null}
    </section>
  );
}
