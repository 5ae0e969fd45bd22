import { readFileSync } from "node:fs";
import path from "node:path";
import { CONFIG_VARIABLES, CONFIG_VARIABLE_NAMES } from "./config";

// The README's configuration table is generated from CONFIG_VARIABLES (npm run docs:config);
// these checks catch a variable added to the schema but not documented, or documented but gone.
describe("configuration documentation", () => {
  const readme = readFileSync(path.join(__dirname, "..", "README.md"), "utf8");

  test("every variable the server reads is described", () => {
    expect([...CONFIG_VARIABLES.map((v) => v.name)].sort()).toEqual([...CONFIG_VARIABLE_NAMES].sort());
  });

  test("the README's table lists every variable", () => {
    const missing = CONFIG_VARIABLE_NAMES.filter((name) => !readme.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});
