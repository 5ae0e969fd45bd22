import { readFile } from "node:fs/promises";
import { importMap } from "../../shared/map/parseMap";
import type { ActiveMap, MapSource } from "../deps";

/**
 * Serves one Tiled map file for every space: the default until spaces get
 * their own maps from the database. Reads and parses once, on first use, so a
 * broken map fails loudly (startServer calls `load()` at start-up).
 */
export class FileMapSource implements MapSource {
  private loaded?: Promise<ActiveMap>;

  constructor(private readonly path: string) {}

  load(): Promise<ActiveMap> {
    this.loaded ??= readFile(this.path, "utf8").then(
      (text) => {
        let tiled: object;
        try {
          tiled = JSON.parse(text) as object;
        } catch (err) {
          throw new Error(`Map ${this.path} is not valid JSON: ${(err as Error).message}`);
        }
        // Clients draw the normalised map (groups flattened, data decoded), as for uploaded ones.
        const imported = importMap(tiled);
        return { tiled: imported.tiled, map: imported.map, version: 1 };
      },
      (err: NodeJS.ErrnoException) => {
        throw new Error(`Cannot read map ${this.path}: ${err.code === "ENOENT" ? "file not found" : err.message}`);
      },
    );
    return this.loaded;
  }

  activeMap(_space: string): Promise<ActiveMap | null> {
    return this.load();
  }
}

/** A source holding an already parsed map (tests, tools). */
export class StaticMapSource implements MapSource {
  constructor(
    private readonly active: ActiveMap,
    private readonly spaces?: ReadonlySet<string>,
  ) {}

  async activeMap(space: string): Promise<ActiveMap | null> {
    return !this.spaces || this.spaces.has(space) ? this.active : null;
  }
}
