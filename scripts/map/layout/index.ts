/** The whole default office, as data. */
import { merge } from "../helpers";
import { north } from "./north";
import { shell } from "./shell";
import { south } from "./south";

export const office = { shell, ...merge(north, south) };
export type OfficeLayout = typeof office;
