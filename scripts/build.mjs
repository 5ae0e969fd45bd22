// Builds the browser client (dist/client) and the server (dist/server) with esbuild.
// Usage: node scripts/build.mjs [--watch] [--dev]
import * as esbuild from "esbuild";
import { mkdir, readFile, writeFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const watch = process.argv.includes("--watch");
const dev = process.argv.includes("--dev") || watch;
const clientOut = path.join(root, "dist/client");
const serverOut = path.join(root, "dist/server");

/** Writes index.html with the hashed bundle names, so browsers may cache bundles forever. */
const htmlPlugin = {
  name: "deskmap-html",
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length || !result.metafile) return;
      const outputs = Object.keys(result.metafile.outputs).map((p) => path.relative(clientOut, path.resolve(root, p)));
      const js = outputs.find((p) => /^main-.*\.js$/.test(p));
      const css = outputs.find((p) => /^main-.*\.css$/.test(p));
      const template = await readFile(path.join(root, "client/index.html"), "utf8");
      const html = template
        .replace("<!-- styles -->", css ? `<link rel="stylesheet" href="/${css}">` : "")
        .replace("<!-- script -->", `<script type="module" src="/${js}"></script>`);
      await writeFile(path.join(clientOut, "index.html"), html);
      console.log(`[build] client → dist/client/${js}`);
    });
  },
};

const clientOptions = {
  absWorkingDir: root,
  entryPoints: { main: "client/main.ts" },
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2022"],
  outdir: clientOut,
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  minify: !dev,
  sourcemap: true,
  metafile: true,
  // Panels are Preact components written in TSX (automatic runtime: no React import per file).
  jsx: "automatic",
  jsxImportSource: "preact",
  define: { global: "globalThis", "process.env.NODE_ENV": dev ? '"development"' : '"production"' },
  logLevel: "warning",
  plugins: [htmlPlugin],
};

const serverOptions = {
  absWorkingDir: root,
  entryPoints: { main: "server/main.ts" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: ["node20"],
  packages: "external",
  outdir: serverOut,
  outExtension: { ".js": ".mjs" },
  sourcemap: true,
  logLevel: "warning",
};

await rm(clientOut, { recursive: true, force: true });
await mkdir(clientOut, { recursive: true });
if (watch) {
  const client = await esbuild.context(clientOptions);
  const server = await esbuild.context(serverOptions);
  await Promise.all([client.watch(), server.watch()]);
  console.log("[build] watching client/, server/ and shared/ for changes");
} else {
  const started = Date.now();
  await Promise.all([esbuild.build(clientOptions), esbuild.build(serverOptions)]);
  console.log(`[build] done in ${Date.now() - started} ms`);
}
