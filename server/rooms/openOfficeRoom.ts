import { matchMaker } from "@colyseus/core";
import { OFFICE_ROOM } from "../../shared/protocol/names";

/** The presence hash whose field per space says whether someone is opening that space's room. */
const OPENING_KEY = "deskmap:opening-office";
/** Lets a crashed opener's mark lapse (each attempt renews it; the wait below bounds the renewals). */
const MARK_SECONDS = 15;
/** How long a join waits for another's opening of the room before going ahead itself. */
const WAIT_MS = 15_000;
const POLL_MS = 25;

/**
 * Makes sure the space's room is open before matchmaking looks for it, so
 * that concurrent joins (everyone coming back after a restart) land in one
 * room per space, on one process or across processes sharing Redis.
 *
 * Colyseus's own joinOrCreate lets a second join create a second room when
 * the first room's onCreate takes longer than about a second (its waiters
 * stop waiting after 0.5–1.1 s, and the new room is only listed once onCreate
 * has finished): after a restart, loading a space's map and its desks,
 * meetups and settings from a cold database takes that long. Here one join
 * per space at a time, across processes (an atomic counter in the shared
 * presence), opens the room; the others wait until it is listed.
 */
export async function openOfficeRoom(space: string): Promise<void> {
  const listed = async () => (await matchMaker.query({ name: OFFICE_ROOM, space })).length > 0;
  if (await listed()) return;
  const presence = matchMaker.presence;
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const openers = await presence.hincrbyex(OPENING_KEY, space, 1, MARK_SECONDS);
    if (openers === 1) {
      try {
        if (!(await listed())) await matchMaker.createRoom(OFFICE_ROOM, { space });
      } finally {
        await presence.hincrbyex(OPENING_KEY, space, -1, MARK_SECONDS);
      }
      return;
    }
    // Someone else is opening it: take our mark back and wait for the listing.
    await presence.hincrbyex(OPENING_KEY, space, -1, MARK_SECONDS);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (await listed()) return;
  }
  // The opener seems stuck: leave it to the match-maker (onCreate still refuses a second listed room).
}
