import type { Config } from "../config";
import { embeddedDataDir } from "./connect";

/** Which store holds the data, for the start-up log: never the credentials a MONGODB_URI may carry. */
export function describeDatabase(config: Pick<Config, "mongodbUri" | "dataDir">): string {
  if (!config.mongodbUri) return `embedded store in ${embeddedDataDir(config.dataDir)}`;
  const authority = config.mongodbUri.replace(/^mongodb(\+srv)?:\/\//, "").split(/[/?]/)[0];
  const hosts = authority.slice(authority.lastIndexOf("@") + 1);
  return `MongoDB at ${hosts} (MONGODB_URI)`;
}
