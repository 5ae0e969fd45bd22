import { OFFICE_ROOM } from "../../shared/protocol/names";
import type { ActiveMap, MapSource } from "../deps";
import { HARNESS_MAP, startTestServer, type TestServer } from "./harness";
import { parseMap } from "../../shared/map/parseMap";
import { buildTestMap } from "../../shared/map/testMap";

/**
 * Issue 14: after a restart, everyone comes back at once, and they must land
 * in one room per space. A restart is a new server in this process (Colyseus's
 * match-maker starts empty); opening a room then reads the space's map from
 * a cold database, which the map source here stands for by answering late on
 * some restarts (Colyseus's own waiting gives up after 0.5–1.1 s).
 * 50 restarts, 20 people joining at once after each. A join's room is
 * chosen by its seat reservation (POST /matchmake/joinOrCreate, what
 * colyseus.js sends first): the test reads the room from there and does not
 * open the 1,000 sockets, which would only make it slow.
 */

const RESTARTS = 50;
const PEOPLE = 20;
/** How late the first map read answers after the n-th restart: most restarts quick, some as slow as a cold database. */
const coldDelay = (n: number) => [0, 0, 150, 0, 1300][n % 5];

class ColdMapSource implements MapSource {
  private warm = false;
  constructor(
    private readonly active: ActiveMap,
    private readonly delayMs: number,
  ) {}

  async activeMap(): Promise<ActiveMap> {
    if (!this.warm) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.warm = true;
    return this.active;
  }
}

const tiled = buildTestMap(HARNESS_MAP);
const active: ActiveMap = { tiled, map: parseMap(tiled), version: 1 };

/** The room a join is sent to. */
async function reserveSeat(url: string, name: string): Promise<string> {
  const res = await fetch(`${url}/matchmake/joinOrCreate/${OFFICE_ROOM}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ space: "team", name, avatar: "ada" }),
  });
  const reservation = (await res.json()) as { room?: { roomId: string }; error?: string };
  if (!reservation.room) throw new Error(`join refused: ${JSON.stringify(reservation)}`);
  return reservation.room.roomId;
}

test(`${RESTARTS} restarts with ${PEOPLE} people coming back at once: always one room for the space`, async () => {
  const roomsPerRestart: number[] = [];
  for (let n = 0; n < RESTARTS; n++) {
    const server: TestServer = await startTestServer({ deps: { maps: new ColdMapSource(active, coldDelay(n)) } });
    const joined = await Promise.all(Array.from({ length: PEOPLE }, (_, i) => reserveSeat(server.url, `P${i}`)));
    roomsPerRestart.push(new Set(joined).size);
    await server.close();
  }
  expect(roomsPerRestart).toEqual(Array(RESTARTS).fill(1));
}, 240_000);
