import type { OfficeConnection } from "../net/OfficeConnection";
/**
 * The office page's way to the admin page: the topbar's "Admin" link
 * ([data-admin-link] in client/index.html) appears for the space's owners and
 * admins, pointing at /admin/:slug (for map makers: "Edit map", at the map editor). Its own tiny fetch, so the office needs
 * nothing else from the admin bundle.
 */
export async function showAdminLink(link: HTMLAnchorElement | null, space: string): Promise<void> {
  if (!link) return;
  try {
    const res = await fetch(`/api/spaces/${encodeURIComponent(space)}`, { credentials: "same-origin", headers: { accept: "application/json" } });
    const role = res.ok ? ((await res.json()) as { space?: { role?: string | null } }).space?.role : null;
    // Map makers run no part of the admin page but the map editor, so theirs is an "Edit map" link.
    const mapMakerOnly = role === "mapMaker";
    link.href = `/admin/${encodeURIComponent(space)}${mapMakerOnly ? "/edit" : ""}`;
    if (mapMakerOnly) link.textContent = "Edit map";
    link.hidden = role !== "owner" && role !== "admin" && !mapMakerOnly;
  } catch {
    link.hidden = true; // no server, no admin page either
  }
}

/**
 * Keeps the link in step with our role in the room: an owner who makes us an
 * admin (or takes it back) while we are in shows or hides it at once.
 * Returns the unsubscribe.
 */
export function followRoleForAdminLink(link: HTMLAnchorElement | null, connection: OfficeConnection, space: string): () => void {
  if (!link) return () => undefined;
  let last: string | undefined = connection.member(connection.selfId)?.role;
  return connection.events.on("memberChanged", (member) => {
    if (member.id !== connection.selfId || member.role === last) return;
    last = member.role;
    link.href = `/admin/${encodeURIComponent(space)}`;
    link.hidden = member.role !== "owner" && member.role !== "admin";
  });
}
