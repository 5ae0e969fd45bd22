/** Which office space this page is for: `?space=slug` or `/s/slug`, else "default". */
const SLUG = /^[a-z0-9][a-z0-9-]{0,47}$/;

export function spaceFromLocation(location: { pathname: string; search: string }): string {
  const fromQuery = new URLSearchParams(location.search).get("space");
  const fromPath = /^\/s\/([^/]+)\/?$/.exec(location.pathname)?.[1];
  const candidate = (fromQuery ?? (fromPath ? decodeURIComponent(fromPath) : "")).trim().toLowerCase();
  return SLUG.test(candidate) ? candidate : "default";
}
