import type { Browser } from "playwright-core";
import { joinOffice, openPage, pollUntil, startTestServer, type WatchedPage } from "../e2e/browser";
import { remoteTileNames } from "../e2e/callsPages";
import { officeWithSpawns, spotsIn, type Spot } from "../e2e/mediaMaps";
import { startJanus, type JanusServer } from "../e2e/services/janus";
import { createSpaceWithMap } from "../server/db/repositories/createSpaceWithMap";
import type { OfficeMap } from "../shared/map/types";
import { firstFrameTrials, TRIAL_TIMEOUT_MS, type TrialResults } from "./firstFrameTrials";

/**
 * Time to the first remote frame when someone walks into a meeting room
 * (issue 19): the office map with the first person standing in Meeting Room
 * A and the second just outside its door; each trial the second walks in and
 * out again (bench/firstFrameTrials.ts). Run once on a server with Janus
 * (the meeting room goes through it) and once on a server without (the same
 * walk, peer to peer), at the same load.
 */

const SPACE = "meet";
const ROOM = "Meeting Room A";
/** Just below the room's door (tiles 30–31 of rows 14–15), out of the conversation. */
const OUTSIDE: Spot = { x: 30 * 32 + 16, y: 16 * 32 + 24 };

function meetingOffice() {
  return officeWithSpawns((office, i) => (i === 0 ? standingSpot(office) : OUTSIDE));
}

/** Where the first person stands: inside the room, two tiles in from the door. */
function standingSpot(office: OfficeMap): Spot {
  return nearest(spotsIn(office, office.zones.find((z) => z.name === ROOM)!), { x: OUTSIDE.x, y: 11 * 32 + 24 });
}

function nearest(spots: Spot[], to: Spot): Spot {
  return [...spots].sort((a, b) => Math.hypot(a.x - to.x, a.y - to.y) - Math.hypot(b.x - to.x, b.y - to.y))[0];
}

export interface MeetingRun {
  via: "janus" | "mesh";
  results: TrialResults;
  errors: string[];
}

/** Trials on a fresh server, with Janus or without; its own pages in `browser`. */
export async function meetingTrials(browser: Browser, withJanus: boolean, trials: number, log: (line: string) => void): Promise<MeetingRun> {
  let janus: JanusServer | undefined;
  if (withJanus) janus = await startJanus();
  const env: Record<string, string> = { LOG_LEVEL: "error" };
  if (janus) Object.assign(env, { JANUS_URL: janus.url, JANUS_API_SECRET: janus.apiSecret, JANUS_ADMIN_KEY: janus.adminKey });
  const server = await startTestServer(env);
  const pages: WatchedPage[] = [];
  try {
    const office = meetingOffice();
    await createSpaceWithMap(server.repos, { slug: SPACE, name: "Meet", tiled: office.tiled, map: office.map, mapName: "office" });
    const room = office.map.zones.find((z) => z.name === ROOM)!;
    const stand = standingSpot(office.map);
    for (const name of ["Ada Still", "Bo Walker"]) {
      const page = await openPage(browser, `${server.url}/s/${SPACE}`);
      pages.push(page);
      await joinOffice(page.page, name);
    }
    const [still, walker] = pages.map((p) => p.page);
    await pollUntil(() => remoteTileNames(still), (t) => t.length === 0, "no call at the start", TRIAL_TIMEOUT_MS);
    // Into the room near the person standing there (not onto them), and back out past the door.
    const inside = spotsIn(office.map, room).filter((s) => Math.hypot(s.x - stand.x, s.y - stand.y) >= 64);
    // Nearest the door first: those are on the walker's screen.
    inside.sort((a, b) => Math.hypot(a.x - OUTSIDE.x, a.y - OUTSIDE.y) - Math.hypot(b.x - OUTSIDE.x, b.y - OUTSIDE.y));
    const results = await firstFrameTrials(still, walker, {
      trials,
      enter: () => inside,
      leave: (_still, away) => [away, OUTSIDE],
      log: (line) => log(`  ${withJanus ? "Janus" : "P2P"} ${line}`),
    });
    return { via: withJanus ? "janus" : "mesh", results, errors: pages.flatMap((p) => p.errors) };
  } finally {
    await Promise.all(pages.map((p) => p.page.goto("about:blank").catch(() => undefined)));
    await Promise.all(pages.map((p) => p.context.close().catch(() => undefined)));
    await server.close();
    await janus?.stop();
  }
}
