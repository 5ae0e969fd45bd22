/** Small guards for reading untrusted JSON without trusting its shape. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isInt(value: unknown): value is number {
  // `% 1` rather than Number.isInteger: same result (NaN and ±Infinity fail), without a global lookup per tile cell.
  return typeof value === "number" && value % 1 === 0;
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** A short, safe rendering of an untrusted value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}

/**
 * The value of a Tiled custom property, or undefined when absent. A property
 * present with the wrong `type` is reported, so `"true"` typed as a string
 * does not silently read as a boolean.
 */
export function readProperty(
  properties: unknown,
  name: string,
  type: "string" | "bool",
  where: string,
  problems: string[],
): string | boolean | undefined {
  if (properties === undefined) return undefined;
  if (!Array.isArray(properties)) {
    problems.push(`${where}: properties must be an array, found ${describe(properties)}`);
    return undefined;
  }
  for (const prop of properties) {
    if (!isRecord(prop) || prop.name !== name) continue;
    const expected = type === "bool" ? "boolean" : "string";
    if (prop.type !== type || typeof prop.value !== expected) {
      problems.push(`${where}: property "${name}" must be a ${type}, found ${describe(prop.value)} (type ${describe(prop.type)})`);
      return undefined;
    }
    return prop.value as string | boolean;
  }
  return undefined;
}
