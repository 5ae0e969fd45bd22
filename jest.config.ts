/** @jest-config-loader esbuild-register */
import type { Config } from "jest";

// swc strips types only; `npm run typecheck` (tsc --noEmit) does the type checking.
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, useDefineForClassFields: false },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

const config: Config = {
  testEnvironment: "node",
  transform: { "^.+\\.(t|j)sx?$": swc as Config["transform"] extends Record<string, infer T> ? T : never },
  testMatch: ["<rootDir>/{shared,server,client,e2e,bench}/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  testTimeout: 30_000,
};

export default config;
