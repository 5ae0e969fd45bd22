// Development loop: esbuild rebuilds client and server on every change, and the
// server process restarts whenever its bundle changes. Reload the page to pick up client changes.
import { spawn } from "node:child_process";
import { watch, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverBundle = path.join(root, "dist/server/main.mjs");

const builder = spawn(process.execPath, [path.join(root, "scripts/build.mjs"), "--watch"], { stdio: "inherit", cwd: root });

let server = null;
let restartTimer = null;

function startServer() {
  server = spawn(process.execPath, ["--enable-source-maps", serverBundle], { stdio: "inherit", cwd: root, env: process.env });
  server.on("exit", (code, signal) => {
    if (signal !== "SIGTERM") console.log(`[dev] server exited (${signal ?? code}); waiting for the next change`);
  });
}

function restart() {
  clearTimeout(restartTimer);
  // Debounce: one save touches the bundle and its source map.
  restartTimer = setTimeout(() => {
    if (server && server.exitCode === null) {
      server.once("exit", startServer);
      server.kill("SIGTERM");
    } else {
      startServer();
    }
    console.log("[dev] server restarted");
  }, 200);
}

const waitForBundle = setInterval(() => {
  if (!existsSync(serverBundle)) return;
  clearInterval(waitForBundle);
  startServer();
  watch(path.dirname(serverBundle), (_event, file) => {
    if (file === "main.mjs") restart();
  });
}, 200);

function shutdown() {
  builder.kill("SIGTERM");
  server?.kill("SIGTERM");
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
