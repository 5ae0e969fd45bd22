/** Tiled JSON nests a handful of levels; anything far deeper is hostile or broken. */
export const MAX_JSON_DEPTH = 32;
const MAX_LISTED = 10;

/**
 * Problems that would stop a JSON value from being stored as a MongoDB
 * document as is: field names starting with "$" or containing "." or NUL
 * (operators and paths to MongoDB), and nesting deep enough to exhaust the
 * stack of anything that walks it. parseMap ignores fields it does not use,
 * so uploads are checked for these separately.
 */
export function storableProblems(value: unknown): string[] {
  const problems: string[] = [];
  walk(value, "map", 0, problems);
  return problems.length > MAX_LISTED ? [...problems.slice(0, MAX_LISTED), `…and ${problems.length - MAX_LISTED} more`] : problems;
}

function walk(value: unknown, where: string, depth: number, problems: string[]): void {
  if (value === null || typeof value !== "object") return;
  if (depth >= MAX_JSON_DEPTH) {
    problems.push(`${where}: nested more than ${MAX_JSON_DEPTH} levels deep`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${where}[${i}]`, depth + 1, problems));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith("$") || key.includes(".") || key.includes("\0")) {
      problems.push(`${where}: field name ${JSON.stringify(key)} may not start with "$" or contain "." or NUL`);
      continue;
    }
    walk(child, `${where}.${key}`, depth + 1, problems);
  }
}
