import path from "node:path";
import { CONFIG_VARIABLE_NAMES, CONFIG_VARIABLES, ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  test("safe defaults from an empty environment", () => {
    const c = loadConfig({}, "/srv/deskmap");
    expect(c).toMatchObject({
      port: 2567,
      host: "0.0.0.0",
      publicUrl: undefined,
      mapPath: path.resolve("/srv/deskmap/maps/office.json"),
      dataDir: path.resolve("/srv/deskmap/data"),
      mongodbUri: undefined,
      patchRateHz: 20,
      logLevel: "info",
      maxMessageBytes: 2048,
      reconnectSeconds: 20,
      clientDir: path.resolve("/srv/deskmap/dist/client"),
    });
  });

  test("reads and normalises values; empty strings count as unset", () => {
    const c = loadConfig(
      { PORT: "0", HOST: "127.0.0.1", PUBLIC_URL: "https://office.example.com/", PATCH_RATE_HZ: "", MONGODB_URI: "mongodb://db:27017/deskmap", LOG_LEVEL: "debug", DATA_DIR: "/var/lib/deskmap" },
      "/srv",
    );
    expect(c).toMatchObject({ port: 0, host: "127.0.0.1", publicUrl: "https://office.example.com", patchRateHz: 20, mongodbUri: "mongodb://db:27017/deskmap", logLevel: "debug", dataDir: "/var/lib/deskmap" });
  });

  test("lists every invalid variable with its value and the problem", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", PATCH_RATE_HZ: "1000", LOG_LEVEL: "loud", PUBLIC_URL: "office", MONGODB_URI: "postgres://x" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.join("\n")).toMatch(/PORT="eighty"/);
    expect(problems.join("\n")).toMatch(/MONGODB_URI="postgres:\/\/x": must start with mongodb:\/\//);
    expect((error as Error).message).toMatch(/^Invalid configuration:/);
    expect(() => loadConfig({ PORT: "70000" })).toThrow(/PORT="70000": must be 0–65535/);
  });

  test("the README table names every variable the schema reads", () => {
    expect(CONFIG_VARIABLES.map((v) => v.name).sort()).toEqual([...CONFIG_VARIABLE_NAMES].sort());
    expect(CONFIG_VARIABLE_NAMES).toContain("MAX_MESSAGE_BYTES");
  });
});
