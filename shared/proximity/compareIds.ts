/** Plain code-unit order for ids: deterministic and locale-free (unlike localeCompare). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
