import { writeFile } from "node:fs/promises";
import { OUTCOME_LABELS, OUTCOMES } from "./classify";
import type { Outcome } from "./classify";
import type { FileRun, TestResult } from "./runFile";

export type Counts = Record<Outcome, number> & { total: number };

export function countResults(results: TestResult[]): Counts {
  const counts = { total: results.length } as Counts;
  for (const o of OUTCOMES) counts[o] = 0;
  for (const r of results) counts[r.outcome]++;
  return counts;
}

export function countsLine(c: Counts): string {
  return OUTCOMES.map((o) => `${o} ${c[o]}`).join(", ") + ` (of ${c.total})`;
}

export interface SuiteReport {
  suiteDir: string;
  startedAt: string;
  finishedAt: string;
  files: number;
  counts: Counts;
  runs: FileRun[];
}

/** Failures that are not passes or pending, grouped for reading. */
function failureSection(runs: FileRun[], outcome: Outcome): string[] {
  const lines: string[] = [];
  for (const run of runs) {
    for (const r of run.results) {
      if (r.outcome === outcome) lines.push(`- \`${r.file}\` — ${r.title}: ${r.reason ?? ""}`.replace(/\s+$/, ""));
    }
  }
  return lines;
}

export function toMarkdown(rep: SuiteReport): string {
  const out = [
    "# mongoose test suite against the embedded store",
    "",
    `Suite: \`${rep.suiteDir}\`, ${rep.files} files, ${rep.startedAt} to ${rep.finishedAt}.`,
    "",
    "| Class | Tests |",
    "| --- | --- |",
    ...OUTCOMES.map((o) => `| ${OUTCOME_LABELS[o]} | ${rep.counts[o]} |`),
    `| total | ${rep.counts.total} |`,
    "",
  ];
  for (const o of OUTCOMES) {
    if (o === "passed" || o === "pending") continue;
    const lines = failureSection(rep.runs, o);
    if (lines.length === 0) continue;
    out.push(`## ${OUTCOME_LABELS[o]} (${lines.length})`, "", ...lines, "");
  }
  return out.join("\n");
}

export async function writeReports(rep: SuiteReport, basePath: string): Promise<string[]> {
  const json = `${basePath}.json`;
  const md = `${basePath}.md`;
  await writeFile(json, JSON.stringify(rep, null, 2));
  await writeFile(md, toMarkdown(rep));
  return [json, md];
}
