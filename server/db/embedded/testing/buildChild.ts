import path from "node:path";
import { build } from "esbuild";

const REPO = path.resolve(__dirname, "../../../..");

/**
 * Bundles a test child script to plain JS (packages stay external, found through NODE_PATH),
 * so each spawn costs a bare `node` start instead of a TypeScript loader's.
 */
export async function buildChild(entry: string, outDir: string): Promise<{ file: string; env: NodeJS.ProcessEnv }> {
  const file = path.join(outDir, path.basename(entry).replace(/\.ts$/, ".cjs"));
  await build({ entryPoints: [entry], bundle: true, platform: "node", format: "cjs", target: "node20", packages: "external", outfile: file, logLevel: "silent" });
  return { file, env: { ...process.env, NODE_PATH: path.join(REPO, "node_modules") } };
}
