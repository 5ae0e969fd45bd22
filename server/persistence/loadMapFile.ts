import { readFile } from "node:fs/promises";
import { importMap } from "../../shared/map/parseMap";
import type { TiledWithModel } from "../db/seed";

/** Reads and validates a Tiled JSON file, with errors that name the file. */
export async function loadMapFile(file: string): Promise<TiledWithModel> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`Cannot read map ${file}: ${code === "ENOENT" ? "file not found" : (err as Error).message}`);
  }
  let tiled: unknown;
  try {
    tiled = JSON.parse(text);
  } catch (err) {
    throw new Error(`Map ${file} is not valid JSON: ${(err as Error).message}`);
  }
  try {
    const imported = importMap(tiled);
    return { tiled: imported.tiled as unknown as Record<string, unknown>, map: imported.map };
  } catch (err) {
    throw new Error(`Map ${file}: ${(err as Error).message}`);
  }
}

/** Loads once, on first use, and shares the result (it is never mutated). */
export function cachedMapFile(file: string): () => Promise<TiledWithModel> {
  let loaded: Promise<TiledWithModel> | undefined;
  return () => {
    loaded ??= loadMapFile(file);
    loaded.catch(() => (loaded = undefined));
    return loaded;
  };
}
