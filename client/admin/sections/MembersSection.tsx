import { useEffect, useState } from "preact/hooks";
import { assignableRoles, removalRefusal } from "../../../shared/admin/roleRules";
import { canModerate } from "../../../shared/moderation/canModerate";
import type { Role, SpaceMember } from "../AdminApi";
import { act, announce, api, me, space } from "../adminState";
import { ago } from "../format";

/**
 * The space's people: role (changeable within the rules in shared/admin/roleRules),
 * last seen, desk; remove and ban; the banned, with their bans to lift; and
 * handing the space over to someone else (owners).
 */
export function MembersSection({ slug }: { slug: string }) {
  const [members, setMembers] = useState<SpaceMember[]>([]);
  const reload = () => api.members(slug).then(setMembers, (err: Error) => announce(err.message, true));
  useEffect(() => void reload(), [slug]);
  const myId = me.value?.member.id;
  const myRole = space.value?.role ?? "guest";
  const owners = members.filter((m) => m.role === "owner").length;
  const active = members.filter((m) => !m.banned);
  const banned = members.filter((m) => m.banned);

  const changeRole = (m: SpaceMember, role: Role) =>
    act(() => api.setRole(slug, m.id, role), `${m.displayName} is now ${role === "admin" || role === "owner" ? "an" : "a"} ${role}`).then(reload);

  return (
    <section class="admin-section" id="members" aria-labelledby="members-heading">
      <h2 id="members-heading">Members &amp; bans</h2>
      <table class="admin-table">
        <caption>{active.length} member{active.length === 1 ? "" : "s"}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Last seen</th>
            <th scope="col">Desk</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {active.map((m) => {
            const isSelf = m.id === myId;
            const roles = assignableRoles(myRole, m.role, isSelf, owners).filter((r) => !m.guest || r === "guest");
            return (
              <tr key={m.id}>
                <th scope="row">
                  {m.displayName}
                  {m.guest ? <span class="muted"> (guest)</span> : null}
                  {isSelf ? <span class="muted"> (you)</span> : null}
                </th>
                <td data-label="Role">
                  {roles.length > 1 ? <RoleChoice member={m} roles={roles} onSave={(role) => changeRole(m, role)} /> : m.role}
                </td>
                <td data-label="Last seen">{ago(m.lastSeenAt)}</td>
                <td data-label="Desk">{m.deskId ?? "none"}</td>
                <td class="admin-actions">
                  {removalRefusal(myRole, m.role, isSelf, owners) === null && !isSelf ? (
                    <button type="button" onClick={() => act(() => api.remove(slug, m.id), `${m.displayName} was removed from the space`).then(reload)}>
                      Remove<span class="visually-hidden"> {m.displayName}</span>
                    </button>
                  ) : null}
                  {canModerate(myRole, m.role, isSelf) ? (
                    <button type="button" class="danger-button" onClick={() => act(() => api.ban(slug, m.id), `${m.displayName} is banned`).then(reload)}>
                      Ban<span class="visually-hidden"> {m.displayName}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3 id="bans-heading">Bans</h3>
      {banned.length === 0 ? (
        <p>Nobody is banned.</p>
      ) : (
        <ul class="admin-list" aria-labelledby="bans-heading">
          {banned.map((m) => (
            <li key={m.id}>
              {m.displayName}
              {m.guest ? <span class="muted"> (guest)</span> : null} — banned{" "}
              <button type="button" onClick={() => act(() => api.unban(slug, m.id), `The ban on ${m.displayName} is lifted`).then(reload)}>
                Lift the ban on {m.displayName}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="field-hint">
        A ban keeps the person out of this space and bars the browser they used, also as a new guest. It cannot follow someone who clears their
        cookies or uses another browser.
      </p>
      {myRole === "owner" ? <Handover slug={slug} candidates={active.filter((m) => !m.guest && m.id !== myId)} /> : null}
    </section>
  );
}

/** A role picker with its own Save button: arrowing through the choices changes nothing until saved. */
function RoleChoice({ member, roles, onSave }: { member: SpaceMember; roles: Role[]; onSave: (role: Role) => void }) {
  const [choice, setChoice] = useState<Role>(member.role);
  return (
    <span class="admin-actions">
      <select class="text-field" aria-label={`Role of ${member.displayName}`} value={choice} onChange={(e) => setChoice((e.currentTarget as HTMLSelectElement).value as Role)}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {choice !== member.role ? (
        <button type="button" onClick={() => onSave(choice)}>
          Save<span class="visually-hidden"> role of {member.displayName}</span>
        </button>
      ) : null}
    </span>
  );
}

function Handover({ slug, candidates }: { slug: string; candidates: SpaceMember[] }) {
  const [to, setTo] = useState("");
  const [confirming, setConfirming] = useState(false);
  if (candidates.length === 0) return null;
  const chosen = candidates.find((c) => c.id === to);
  return (
    <div class="admin-form">
      <h3>Hand over ownership</h3>
      <label class="field-label" for="handover-to">New owner</label>
      <select id="handover-to" class="text-field" value={to} onChange={(e) => (setTo((e.currentTarget as HTMLSelectElement).value), setConfirming(false))}>
        <option value="">Choose someone…</option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {c.displayName} ({c.role})
          </option>
        ))}
      </select>
      {chosen && !confirming ? (
        <button type="button" onClick={() => setConfirming(true)}>
          Hand over to {chosen.displayName}…
        </button>
      ) : null}
      {chosen && confirming ? (
        <p role="group" aria-label="Confirm hand-over">
          {chosen.displayName} becomes the owner and you become an admin.{" "}
          <button type="button" class="danger-button" onClick={() => act(() => api.handover(slug, chosen.id), `${chosen.displayName} now owns the space`).then(() => window.location.reload())}>
            Yes, hand over
          </button>{" "}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </p>
      ) : null}
    </div>
  );
}
