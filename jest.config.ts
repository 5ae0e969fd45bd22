/** @jest-config-loader esbuild-register */
import type { Config } from "jest";

// swc strips types only; `npm run typecheck` (tsc --noEmit) does the type checking.
const swc = (tsx: boolean) => [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true, tsx },
      transform: {
        legacyDecorator: true,
        useDefineForClassFields: false,
        react: { runtime: "automatic", importSource: "preact" },
      },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

type Transform = Config["transform"] extends Record<string, infer T> ? T : never;

const config: Config = {
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx$": swc(true) as Transform,
    "^.+\\.(t|j)s$": swc(false) as Transform,
  },
  testMatch: ["<rootDir>/{shared,server,client,e2e,bench}/**/*.test.{ts,tsx}"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  testTimeout: 30_000,
};

export default config;
