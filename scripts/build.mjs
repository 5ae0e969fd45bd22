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

/** Each page: its HTML template and the entry whose hashed bundles it loads. */
const pages = [
  { entry: "main", template: "client/index.html", out: "index.html" },
  { entry: "admin", template: "client/admin/index.html", out: "admin.html" },
];

/** Writes each page's HTML with its hashed bundle names, so browsers may cache bundles forever. */
const htmlPlugin = {
  name: "deskmap-html",
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length || !result.metafile) return;
      const outputs = Object.keys(result.metafile.outputs).map((p) => path.relative(clientOut, path.resolve(root, p)));
      for (const page of pages) {
        const js = outputs.find((p) => new RegExp(`^${page.entry}-[^/]*\\.js$`).test(p));
        const css = outputs.find((p) => new RegExp(`^${page.entry}-[^/]*\\.css$`).test(p));
        const template = await readFile(path.join(root, page.template), "utf8");
        const html = template
          .replace("<!-- styles -->", css ? `<link rel="stylesheet" href="/${css}">` : "")
          .replace("<!-- script -->", `<script type="module" src="/${js}"></script>`);
        await writeFile(path.join(clientOut, page.out), html);
        console.log(`[build] ${page.out} → dist/client/${js}`);
      }
    });
  },
};

const clientOptions = {
  absWorkingDir: root,
  // The office and the admin page (/admin) are separate bundles: neither loads the other's code.
  entryPoints: { main: "client/main.ts", admin: "client/admin/main.tsx" },
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
