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

describe("loadConfig: ICE servers", () => {
  test("none by default: host candidates only", () => {
    expect(loadConfig({}).ice).toEqual({ stunUrls: [], turnUrls: [], turnSecret: undefined, turnTtlSeconds: 3600 });
  });

  test("reads comma lists, the secret and the TTL", () => {
    const ice = loadConfig({
      STUN_URLS: "stun:stun.example.com:3478, stun:10.0.0.2",
      TURN_URLS: "turn:turn.example.com:3478?transport=udp,turns:turn.example.com:5349?transport=tcp",
      TURN_SECRET: "0123456789abcdef0123",
      TURN_TTL_SECONDS: "600",
    }).ice;
    expect(ice).toEqual({
      stunUrls: ["stun:stun.example.com:3478", "stun:10.0.0.2"],
      turnUrls: ["turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349?transport=tcp"],
      turnSecret: "0123456789abcdef0123",
      turnTtlSeconds: 600,
    });
  });

  test("refuses bad URLs, a short secret, and TURN without a secret", () => {
    const problemsOf = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (err) {
        return (err as ConfigError).problems.join("\n");
      }
      throw new Error("accepted");
    };
    expect(problemsOf({ STUN_URLS: "http://stun.example.com" })).toMatch(/STUN_URLS/);
    expect(problemsOf({ TURN_URLS: "turn:t.example.com", TURN_SECRET: "short" })).toMatch(/TURN_SECRET/);
    expect(problemsOf({ TURN_URLS: "turn:t.example.com" })).toMatch(/TURN_URLS is set but TURN_SECRET is not/);
    expect(problemsOf({ TURN_TTL_SECONDS: "5" })).toMatch(/TURN_TTL_SECONDS/);
  });
});

describe("loadConfig: the Janus media server", () => {
  const problemsOf = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
    } catch (err) {
      return (err as ConfigError).problems.join("\n");
    }
    throw new Error("accepted");
  };

  test("unset by default: calls stay peer to peer", () => {
    expect(loadConfig({}).media).toEqual({ janusUrl: undefined, janusApiSecret: undefined, janusAdminKey: undefined });
  });

  test("reads the WebSocket URL and the secrets", () => {
    expect(
      loadConfig({ JANUS_URL: "ws://127.0.0.1:8188", JANUS_API_SECRET: "0123456789abcdef", JANUS_ADMIN_KEY: "fedcba9876543210" }).media,
    ).toEqual({ janusUrl: "ws://127.0.0.1:8188", janusApiSecret: "0123456789abcdef", janusAdminKey: "fedcba9876543210" });
  });

  test("refuses a non-WebSocket URL, short secrets, and Janus without an API secret", () => {
    expect(problemsOf({ JANUS_URL: "http://127.0.0.1:8088/janus", JANUS_API_SECRET: "0123456789abcdef" })).toMatch(/JANUS_URL="http:.*ws:\/\/ or wss:\/\//);
    expect(problemsOf({ JANUS_URL: "ws://127.0.0.1:8188", JANUS_API_SECRET: "short" })).toMatch(/JANUS_API_SECRET="short": must be at least 16/);
    expect(problemsOf({ JANUS_URL: "ws://127.0.0.1:8188" })).toMatch(/JANUS_URL is set but JANUS_API_SECRET is not/);
    expect(problemsOf({ JANUS_ADMIN_KEY: "x" })).toMatch(/JANUS_ADMIN_KEY/);
  });
});
