/**
 * The office page's way to the admin page: the topbar's "Admin" link
 * ([data-admin-link] in client/index.html) appears for the space's owners and
 * admins, pointing at /admin/:slug. Its own tiny fetch, so the office needs
 * nothing else from the admin bundle.
 */
export async function showAdminLink(link: HTMLAnchorElement | null, space: string): Promise<void> {
  if (!link) return;
  try {
    const res = await fetch(`/api/spaces/${encodeURIComponent(space)}`, { credentials: "same-origin", headers: { accept: "application/json" } });
    const role = res.ok ? ((await res.json()) as { space?: { role?: string | null } }).space?.role : null;
    link.href = `/admin/${encodeURIComponent(space)}`;
    link.hidden = role !== "owner" && role !== "admin";
  } catch {
    link.hidden = true; // no server, no admin page either
  }
}
