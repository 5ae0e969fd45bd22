import { signal } from "@preact/signals";
import { AdminApi, type Me, type SpaceDetails } from "./AdminApi";

/** What every section of the admin page reads: who is signed in, the space being run, and the latest announcement. */

export const api = new AdminApi();
export const me = signal<Me | null>(null);
/** The space at /admin/:slug, or null on /admin. */
export const space = signal<SpaceDetails | null>(null);
/** Said politely to screen readers and shown at the top: the result of the last action. */
export const notice = signal<{ text: string; error: boolean } | null>(null);

export function announce(text: string, error = false): void {
  notice.value = { text, error };
}

/** The slug in /admin/:slug, or null. */
export function slugFromPath(pathname: string): string | null {
  const match = /^\/admin\/([a-z0-9-]{1,48})\/?$/.exec(pathname);
  return match ? match[1] : null;
}

export async function reloadSpace(slug: string): Promise<void> {
  space.value = await api.space(slug);
}

/** Runs an action and announces its outcome; the error's sentence is the API's own. */
export async function act(work: () => Promise<unknown>, done: string): Promise<boolean> {
  try {
    await work();
    announce(done);
    return true;
  } catch (err) {
    announce((err as Error).message, true);
    return false;
  }
}
