import type { Page } from "playwright-core";
import { pollUntil, selfPosition } from "../e2e/browser";
import { walkToOneOf } from "../e2e/callsPages";
import type { Point } from "../shared/map/types";

/**
 * The trial loop of the first-frame benchmarks (bench/firstFrame.ts, bench/media.ts):
 * two pages of the real client; each trial the second person walks in (next
 * to the first, or into their meeting room) and each page measures, in page
 * time, from the Conversation message that brings the other person in to
 * the first rendered frame of their video (requestVideoFrameCallback); then
 * the second person walks away and both wait for the hang-up.
 */

export const TRIAL_TIMEOUT_MS = 60_000;

interface PeerTiming {
  id: string;
  enteredAt: number | null;
  firstFrameAt: number | null;
  via: string;
}

function peers(page: Page): Promise<PeerTiming[]> {
  return page.evaluate(
    () => (window as unknown as { __deskmapCalls?: { peers(): PeerTiming[] } }).__deskmapCalls?.peers() ?? [],
  );
}

export async function position(page: Page): Promise<Point> {
  return (await pollUntil(() => selfPosition(page), (p) => p !== null, "own position"))!;
}

export interface TrialPlan {
  trials: number;
  /** Where the walker may go to join the still person's conversation (the first on screen is taken). */
  enter(still: Point): Iterable<Point>;
  /** Where the walker may go to leave it again; `from` is where it came from before entering. */
  leave(still: Point, from: Point): Iterable<Point>;
  log(line: string): void;
}

export interface TrialResults {
  still: number[];
  walker: number[];
  /** How each trial's media went ("mesh" or "janus"), as the pages report it. */
  via: string[];
}

export async function firstFrameTrials(still: Page, walker: Page, plan: TrialPlan): Promise<TrialResults> {
  const results: TrialResults = { still: [], walker: [], via: [] };
  for (let trial = 1; trial <= plan.trials; trial++) {
    const away = await position(walker);
    await walkToOneOf(walker, plan.enter(await position(still)));
    const [ts, tw] = await Promise.all(
      [still, walker].map((page) =>
        pollUntil(() => peers(page), (p) => p.length === 1 && p[0].firstFrameAt !== null && p[0].enteredAt !== null, "first frame", TRIAL_TIMEOUT_MS),
      ),
    );
    results.still.push(ts[0].firstFrameAt! - ts[0].enteredAt!);
    results.walker.push(tw[0].firstFrameAt! - tw[0].enteredAt!);
    results.via.push(ts[0].via === tw[0].via ? ts[0].via : `${ts[0].via}/${tw[0].via}`);
    plan.log(`trial ${trial} (${results.via.at(-1)}): ${Math.round(results.still.at(-1)!)} ms (still), ${Math.round(results.walker.at(-1)!)} ms (arriving)`);
    await walkToOneOf(walker, plan.leave(await position(still), away));
    await Promise.all([still, walker].map((page) => pollUntil(() => peers(page), (p) => p.length === 0, "hang-up", TRIAL_TIMEOUT_MS)));
  }
  return results;
}
