import { AccountApiError, errorText, requestJson, type HttpMethod } from "../net/AccountApi";
import type { SpaceSettings } from "../../shared/spaceSettings";
import type { MapEdits } from "../../shared/map/mapEdits";

/**
 * The admin page's only way to the server: the REST routes under /api that
 * run a space (see the README's "Admin routes"). Refusals arrive as
 * AccountApiError with the API's own words, field problems included.
 */

export type Role = "owner" | "admin" | "mapMaker" | "member" | "guest";

export interface MySpace {
  slug: string;
  name: string;
  role: Role;
  banned: boolean;
}
export interface SpaceDetails {
  slug: string;
  name: string;
  role: Role | null;
  activeMapVersion: number;
  settings: SpaceSettings;
  awaitingOwner?: boolean;
}
export interface Invite {
  id: string;
  role: Role;
  maxUses: number;
  uses: number;
  expiresAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  state: "ok" | "revoked" | "expired" | "used-up";
}
export interface SpaceMember {
  id: string;
  displayName: string;
  role: Role;
  banned: boolean;
  guest: boolean;
  lastSeenAt: string | null;
  deskId: string | null;
}
export interface MapVersion {
  version: number;
  name: string;
  sizeBytes: number;
  width: number;
  height: number;
  createdAt: string;
  active: boolean;
  /** URL of a PNG of the whole map; null for versions uploaded before previews existed. */
  preview: string | null;
  /** What the map asks for that Deskmap does not do, as the import worded it. */
  warnings: string[];
}
export interface UploadedMap {
  map: MapVersion;
  warnings: string[];
  moreWarnings: number;
}
export interface AuditEntry {
  id: string;
  actorName: string;
  action: string;
  target: string;
  detail: string;
  at: string;
}
export interface Me {
  member: { id: string; displayName: string; email: string | null; guest: boolean };
  spaces: MySpace[];
}

/** A refused map upload: every problem the import found, in its words, and how many more it left out. */
export class MapProblems extends AccountApiError {
  constructor(
    status: number,
    message: string,
    readonly problems: string[],
    readonly more: number,
  ) {
    super(status, message);
  }
}

/** A refusal that names fields: { path → message }, for showing each beside its field. */
export class FieldErrors extends AccountApiError {
  constructor(
    status: number,
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(status, message);
  }
}

type Method = HttpMethod;

export class AdminApi {
  constructor(private readonly base = "/api") {}

  me = () => this.call<Me>("GET", "/me");
  space = (slug: string) => this.call<{ space: SpaceDetails }>("GET", `/spaces/${enc(slug)}`).then((r) => r.space);
  createSpace = (slug: string, name: string) => this.call<{ space: SpaceDetails }>("POST", "/spaces", { slug, name });
  deletion = (slug: string) => this.call<{ name: string; members: number; mapVersions: number; invites: number }>("GET", `/spaces/${enc(slug)}/deletion`);
  /** Become the owner of a space without one, with the one-time link `npm start` printed. */
  claimOwnerSetup = (slug: string, token: string) => this.call<{ space: SpaceDetails }>("POST", `/spaces/${enc(slug)}/owner-setup`, { token });
  deleteSpace = (slug: string, confirm: string) => this.call<void>("DELETE", `/spaces/${enc(slug)}`, { confirm });

  invites = (slug: string) => this.call<{ invites: Invite[] }>("GET", `/spaces/${enc(slug)}/invites`).then((r) => r.invites);
  createInvite = (slug: string, body: { role: Role; expiresInHours?: number; maxUses?: number }) =>
    this.call<{ url: string; invite: Invite }>("POST", `/spaces/${enc(slug)}/invites`, body);
  revokeInvite = (slug: string, id: string) => this.call<{ invite: Invite }>("DELETE", `/spaces/${enc(slug)}/invites/${enc(id)}`);

  members = (slug: string) => this.call<{ members: SpaceMember[] }>("GET", `/spaces/${enc(slug)}/members`).then((r) => r.members);
  setRole = (slug: string, id: string, role: Role) => this.call<void>("PUT", `/spaces/${enc(slug)}/members/${enc(id)}/role`, { role });
  handover = (slug: string, memberId: string) => this.call<void>("POST", `/spaces/${enc(slug)}/handover`, { memberId });
  remove = (slug: string, id: string) => this.call<void>("DELETE", `/spaces/${enc(slug)}/members/${enc(id)}`);
  ban = (slug: string, id: string) => this.call<void>("POST", `/spaces/${enc(slug)}/members/${enc(id)}/ban`, {});
  unban = (slug: string, id: string) => this.call<void>("POST", `/spaces/${enc(slug)}/members/${enc(id)}/unban`, {});

  updateSettings = (slug: string, patch: Partial<SpaceSettings>) =>
    this.call<{ space: SpaceDetails }>("PATCH", `/spaces/${enc(slug)}/settings`, patch).then((r) => r.space);

  maps = (slug: string) => this.call<{ maps: MapVersion[] }>("GET", `/spaces/${enc(slug)}/maps`).then((r) => r.maps);
  /** The body is the map JSON text, a multipart form (map and its files) or a .zip (docs/maps.md). */
  uploadMap = (slug: string, body: string | FormData | Blob, name: string, activate: boolean) =>
    this.call<UploadedMap>("POST", `/spaces/${enc(slug)}/maps?${new URLSearchParams({ ...(name ? { name } : {}), activate: String(activate) })}`, body, typeof body === "string");
  /** The Tiled JSON of one version (what the editor edits). */
  mapVersion = (slug: string, version: number) => this.call<{ map: MapVersion; tiled: unknown }>("GET", `/spaces/${enc(slug)}/maps/${version}`);
  /** The editor's save: a new version from `baseVersion` with these zones, desks and spawns. */
  saveMapEdits = (slug: string, body: { baseVersion: number; name?: string } & MapEdits) =>
    requestJson<{ map: MapVersion; warnings: string[] }>("/api", "POST", `/spaces/${enc(slug)}/maps/edits`, body, { refuse: mapRefusal });
  activateMap = (slug: string, version: number) => this.call<void>("PUT", `/spaces/${enc(slug)}/active-map`, { version });

  audit = (slug: string, before?: string) =>
    this.call<{ entries: AuditEntry[]; more: boolean }>("GET", `/spaces/${enc(slug)}/audit${before ? `?before=${enc(before)}` : ""}`);

  private call<T>(method: Method, path: string, body?: unknown, raw = false): Promise<T> {
    return requestJson<T>(this.base, method, path, body, { raw, refuse: refusal });
  }
}

function refusal(payload: unknown, status: number): AccountApiError {
  const p = payload as { error?: string; details?: unknown } | null;
  const details = Array.isArray(p?.details) ? (p!.details as Array<{ path?: unknown; message?: unknown }>) : [];
  const fields: Record<string, string> = {};
  for (const d of details) if (typeof d?.path === "string" && d.path) fields[d.path] ??= String(d.message);
  if (Object.keys(fields).length > 0) return new FieldErrors(status, errorText(payload, status), fields);
  // Map uploads list their problems as plain sentences; the page shows them all.
  const d = p?.details as { problems?: unknown; more?: unknown } | undefined;
  if (Array.isArray(d?.problems)) {
    const problems = d.problems.map(String);
    const count = problems.length + (typeof d.more === "number" ? d.more : 0);
    return new MapProblems(status, `${p?.error ?? "refused"}: ${count === 1 ? problems[0] : `${count} problems, listed below the upload form`}`, problems, typeof d.more === "number" ? d.more : 0);
  }
  return new AccountApiError(status, errorText(payload, status));
}

const enc = encodeURIComponent;

/** An "invalid map" refusal lists the map's problems, one per line; anything else reads as usual. */
export function mapRefusal(payload: unknown, status: number): AccountApiError {
  const problems = (payload as { details?: { problems?: unknown } } | null)?.details?.problems;
  if (!Array.isArray(problems)) return new AccountApiError(status, errorText(payload, status));
  const more = Number((payload as { details: { more?: unknown } }).details.more) || 0;
  return new AccountApiError(status, [...problems.map(String), ...(more > 0 ? [`…and ${more} more`] : [])].join("\n"));
}
