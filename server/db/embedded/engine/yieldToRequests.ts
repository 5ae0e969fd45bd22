import { setTimeout as sleep } from "node:timers/promises";

/**
 * The pause between two slices of background work (scrub, index build, purge, TTL). A timer
 * rather than setImmediate: requests need several turns of the loop each, so a short wait
 * lets them run first and keeps background work from starving them.
 */
export function yieldToRequests(): Promise<void> {
  return sleep(2);
}
