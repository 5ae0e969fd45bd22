import { useEffect, useState } from "preact/hooks";
import { FieldErrors, type Invite, type Role } from "../AdminApi";
import { act, announce, api, space } from "../adminState";
import { when } from "../format";
import { FieldError, invalid } from "./FieldError";

const EXPIRY: Array<[string, number | undefined]> = [
  ["1 day", 24],
  ["7 days", 24 * 7],
  ["1 hour", 1],
  ["30 days", 24 * 30],
  ["Never", undefined],
];

const STATE_LABEL: Record<Invite["state"], string> = { ok: "Active", "used-up": "Used up", expired: "Expired", revoked: "Revoked" };

/**
 * Invite links: a role, an expiry and a use limit (one by default). The link
 * is shown once, when made: the server keeps only a fingerprint of it.
 */
export function InvitesSection({ slug }: { slug: string }) {
  const [invites, setInvites] = useState<Invite[]>([]);
  const [created, setCreated] = useState<{ url: string; role: Role; uses: number } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const reload = () => api.invites(slug).then(setInvites, (err: Error) => announce(err.message, true));
  useEffect(() => void reload(), [slug]);
  const owner = space.value?.role === "owner";

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const role = String(data.get("role")) as Role;
    const expiry = EXPIRY[Number(data.get("expiry"))]?.[1];
    const usesText = String(data.get("uses") ?? "").trim();
    const maxUses = usesText === "" ? undefined : Number(usesText);
    setErrors({});
    try {
      const res = await api.createInvite(slug, { role, ...(expiry ? { expiresInHours: expiry } : {}), ...(maxUses === undefined ? {} : { maxUses }) });
      setCreated({ url: res.url, role, uses: res.invite.maxUses });
      announce(`Invite link for a ${role} created; copy it now`);
      await reload();
    } catch (err) {
      if (err instanceof FieldErrors) setErrors(err.fields);
      announce(`Could not create the invite: ${(err as Error).message}`, true);
    }
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      announce("Invite link copied");
    } catch {
      (document.getElementById("invite-url") as HTMLInputElement | null)?.select();
      announce("Copying was not allowed: the link is selected, press Ctrl+C to copy it", true);
    }
  };

  return (
    <section class="admin-section" id="invites" aria-labelledby="invites-heading">
      <h2 id="invites-heading">Invites</h2>
      <form class="admin-form admin-inline" onSubmit={onSubmit} noValidate aria-label="New invite link">
        <div>
          <label class="field-label" for="invite-role">Role</label>
          <select id="invite-role" name="role" class="text-field" {...invalid("invite-role-error", errors.role)}>
            <option value="member">Member</option>
            <option value="guest">Guest</option>
            {owner ? <option value="admin">Admin</option> : null}
          </select>
          <FieldError id="invite-role-error" message={errors.role} />
        </div>
        <div>
          <label class="field-label" for="invite-expiry">Expires after</label>
          <select id="invite-expiry" name="expiry" class="text-field">
            {EXPIRY.map(([label], i) => (
              <option value={i} key={label}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label class="field-label" for="invite-uses">Number of uses</label>
          <input id="invite-uses" name="uses" class="text-field" inputMode="numeric" value="1" size={5} {...invalid("invite-uses-error", errors.maxUses)} />
          <FieldError id="invite-uses-error" message={errors.maxUses} />
        </div>
        <button class="join-button" type="submit">
          Create invite link
        </button>
      </form>
      {created ? (
        <div class="admin-created" role="group" aria-labelledby="invite-url-label">
          <label class="field-label" id="invite-url-label" for="invite-url">
            New {created.role} link ({created.uses === 1 ? "single use" : `${created.uses} uses`}): copy it now, it is shown only this once
          </label>
          <div class="admin-actions">
            <input id="invite-url" class="text-field" readOnly value={created.url} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
            <button type="button" onClick={copy}>
              Copy link
            </button>
          </div>
        </div>
      ) : null}
      <table class="admin-table">
        <caption>Invite links, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Used</th>
            <th scope="col">Expires</th>
            <th scope="col">State</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invites.length === 0 ? (
            <tr>
              <td colSpan={5}>No invites yet.</td>
            </tr>
          ) : (
            invites.map((inv) => (
              <tr key={inv.id}>
                <td data-label="Role">{inv.role}</td>
                <td data-label="Used">
                  {inv.uses} of {inv.maxUses}
                </td>
                <td data-label="Expires">{inv.expiresAt ? when(inv.expiresAt) : "never"}</td>
                <td data-label="State">{STATE_LABEL[inv.state]}</td>
                <td>
                  {inv.state === "ok" ? (
                    <button
                      type="button"
                      aria-label={`Revoke the ${inv.role} invite made ${when(inv.createdAt)}`}
                      onClick={() => act(() => api.revokeInvite(slug, inv.id), "Invite revoked").then(reload)}
                    >
                      Revoke
                    </button>
                  ) : null}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
