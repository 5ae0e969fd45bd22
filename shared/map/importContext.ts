/** What every step of the import shares: where problems and warnings go, and the files next to the map. */
export interface ImportOptions {
  /** The map's path inside its bundle, for resolving the relative paths it holds (default "map.json"). */
  mapPath?: string;
  /** Text of another file in the bundle (an external tileset), by bundle path; undefined when absent. */
  readFile?: (path: string) => string | undefined;
}

export interface ImportContext {
  problems: string[];
  /** What the map asks for that Deskmap cannot honour; the map is still accepted. */
  warnings: string[];
  mapPath: string;
  readFile: (path: string) => string | undefined;
}

export function importContext(problems: string[], warnings: string[], options: ImportOptions = {}): ImportContext {
  return { problems, warnings, mapPath: options.mapPath ?? "map.json", readFile: options.readFile ?? (() => undefined) };
}
