// Prints the configuration table for README.md from server/config.ts, the one place config is defined.
// Usage: npm run docs:config
import { CONFIG_VARIABLES } from "../server/config";

const rows = CONFIG_VARIABLES.map((v) => `| \`${v.name}\` | ${v.default === "" ? "(none)" : v.default.startsWith("(") ? v.default : `\`${v.default}\``} | ${v.description} |`);
console.log(["| Variable | Default | What it does |", "| --- | --- | --- |", ...rows].join("\n"));
