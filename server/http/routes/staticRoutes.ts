import path from "node:path";
import express, { Router } from "express";

/** esbuild names bundles `main-ABCDEFGH.js`: such files never change, so caches may keep them. */
/** /admin, /admin/:slug and the map editor at /admin/:slug/edit. */
const ADMIN_PAGE = /^\/admin(?:\/[^/]+(?:\/edit)?)?\/?$/;

const HASHED = /-[A-Z0-9]{8}\.[a-z0-9]+(\.map)?$/i;

/**
 * The built browser client (dist/client) at /, and art at /assets. Paths that
 * look like pages (no file extension) get index.html, so deep links work.
 */
export function staticRoutes(clientDir: string, assetsDir: string): Router {
  const router = Router();
  router.use("/assets", express.static(assetsDir, { index: false, fallthrough: false, maxAge: "5m" }));
  router.use(
    express.static(clientDir, {
      index: false,
      setHeaders: (res, file) => {
        res.setHeader("Cache-Control", HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  );
  // The admin page is its own HTML and bundle (client/admin); everything else is the office.
  router.get(/^[^.]*$/, (req, res, next) => {
    res.setHeader("Cache-Control", "no-cache");
    const page = ADMIN_PAGE.test(req.path) ? "admin.html" : "index.html";
    res.sendFile(path.join(clientDir, page), (err) => {
      if (!err) return;
      if ((err as NodeJS.ErrnoException).code === "ENOENT") {
        res.status(503).type("text/plain").send("The browser client is not built yet: run npm run build");
      } else next(err);
    });
  });
  return router;
}
