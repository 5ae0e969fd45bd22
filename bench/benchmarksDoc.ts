import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "./roomProcesses";

/** docs/benchmarks.md, where every benchmark writes its own "## " sections. */
const FILE = path.join(ROOT, "docs/benchmarks.md");

/**
 * Replaces the section whose heading line is exactly `heading` (up to the next
 * "## ") with `body`, or appends `body` when there is none.
 */
export function replaceSection(text: string, heading: string, body: string): string {
  // Searched with a newline in front, the match's index is where the heading line starts in `text`.
  const start = `\n${text}`.indexOf(`\n${heading}\n`);
  if (start < 0) return `${text.trimEnd()}\n\n${body}`;
  const next = text.indexOf("\n## ", start + 1);
  return `${text.slice(0, start)}${body}${next < 0 ? "" : `\n${text.slice(next + 1)}`}`;
}

/** Writes sections (heading → body, the body starting with its heading line) into docs/benchmarks.md. */
export async function writeSections(sections: Array<[heading: string, body: string]>): Promise<void> {
  let text: string;
  try {
    text = await readFile(FILE, "utf8");
  } catch {
    text = "# Benchmarks\n";
  }
  for (const [heading, body] of sections) text = replaceSection(text, heading, body);
  await writeFile(FILE, text);
}
