import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The light theme is written twice: as `:root[data-theme="light"]` (styles.css,
 * then people.css over it) for a theme the script applied, and in a
 * prefers-color-scheme block for the first paint before it has. If they drift,
 * a light device's page changes colour a frame after it appears.
 */

function declarations(css: string, selector: string): Map<string, string> {
  const out = new Map<string, string>();
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const block of css.matchAll(new RegExp(`${escaped}\\s*\\{([^}]*)\\}`, "g"))) {
    for (const line of block[1].replace(/\/\*[\s\S]*?\*\//g, "").split(";")) {
      const at = line.indexOf(":");
      if (at > 0) out.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
    }
  }
  return out;
}

const read = (file: string) => readFileSync(path.join(__dirname, file), "utf8");

test("the first paint's light theme on a light device is the light theme the script applies", () => {
  const styles = read("../../styles.css");
  const people = read("people.css");
  // In the bundle people.css comes after styles.css, so its declarations win.
  const applied = new Map([...declarations(styles, ':root[data-theme="light"]'), ...declarations(people, ':root[data-theme="light"]')]);
  const media = people.match(/@media \(prefers-color-scheme: light\) \{([\s\S]*?)\n\}/);
  expect(media).not.toBeNull();
  const firstPaint = declarations(media![1], ":root:not([data-theme])");
  expect(applied.get("--bg")).toBe("#f4f6fb");
  expect(Object.fromEntries(firstPaint)).toEqual(Object.fromEntries(applied));
});
