import { newInviteToken } from "../auth/inviteToken";
import type { Repositories } from "../db/repositories";
import { DEFAULT_SPACE } from "../db/seed";

/** How long a setup link printed at start-up works. A restart prints a new one (and the old one stops working). */
export const OWNER_SETUP_HOURS = 24;

export interface OwnerSetupLink {
  slug: string;
  name: string;
  /** The only copy: the database keeps its SHA-256. */
  token: string;
  expiresAt: Date;
}

export interface OwnerlessSpaces {
  /** Spaces now waiting for the first account to sign up (an install with no accounts at all). */
  firstAccount: string[];
  /** Spaces of an install that has accounts: whoever opens the link, signed in, becomes owner. */
  links: OwnerSetupLink[];
}

/**
 * At start-up, gives every space without an owner a way to get one. Spaces
 * made by an older version, or whose owners' accounts were deleted, would
 * otherwise stay unmanageable for good.
 *
 * - An install with no accounts: its default space waits for the first
 *   sign-up, as a fresh install's does (claimFirstOwner, one atomic claim).
 * - Otherwise a one-time link for the operator, who reads it in the log: on an
 *   install where people already have accounts, "whoever signs up next" would
 *   hand the space to a stranger. The link is single use and expires.
 *
 * A space already waiting for its first sign-up is left as it is.
 */
export async function offerOwnerSetup(repos: Repositories, now = new Date(), hours = OWNER_SETUP_HOURS): Promise<OwnerlessSpaces> {
  const found: OwnerlessSpaces = { firstAccount: [], links: [] };
  let accounts: number | undefined;
  for (const space of await repos.spaces.listAll()) {
    if (space.needsOwner) continue;
    if ((await repos.members.countWithRole(space._id, "owner")) > 0) continue;
    accounts ??= await repos.members.countAccounts();
    if (accounts === 0 && space.slug === DEFAULT_SPACE.slug) {
      await repos.spaces.markNeedsOwner(space._id);
      found.firstAccount.push(space.slug);
      continue;
    }
    const { token, tokenHash } = newInviteToken();
    const expiresAt = new Date(now.getTime() + hours * 3600_000);
    await repos.spaces.setOwnerSetup(space._id, { tokenHash, expiresAt });
    found.links.push({ slug: space.slug, name: space.name, token, expiresAt });
  }
  return found;
}

/** Where a setup link points: the space's admin page, the token in the fragment (never sent to the server or in a Referer). */
export function ownerSetupUrl(baseUrl: string, link: Pick<OwnerSetupLink, "slug" | "token">): string {
  return `${baseUrl.replace(/\/+$/, "")}/admin/${encodeURIComponent(link.slug)}#setup=${encodeURIComponent(link.token)}`;
}

/** The log lines `npm start` prints for what offerOwnerSetup found. */
export function describeOwnerless(found: OwnerlessSpaces, baseUrl: string): string[] {
  return [
    ...found.firstAccount.map((slug) => `space "${slug}" has no owner: the first account created on this server becomes its owner`),
    ...found.links.map(
      (link) =>
        `space "${link.slug}" has no owner. To become its owner, sign in and open this link before ${link.expiresAt.toISOString()} ` +
        `(it works once; the next start prints a new one): ${ownerSetupUrl(baseUrl, link)}`,
    ),
  ];
}
