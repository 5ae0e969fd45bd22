import { feetAt, type TestMapOptions } from "../../shared/map/testMap";
import type { OfficeMap, Point } from "../../shared/map/types";
import { withinReach } from "../../shared/status/seating";
import type { ServerMessages } from "../../shared/protocol/messages";
import { ServerMessage, type ServerMessageName } from "../../shared/protocol/names";
import type { Identity, IdentityProvider, Role } from "../deps";
import { parseJoinOptions } from "../identity/GuestIdentity";
import type { TestClient } from "./harness";

/**
 * Shared by the desk and status room tests: a map with desks beside every
 * spawn, an identity whose role is the first word of the name ("Admin Ada"),
 * and readers for the fields and messages the generic harness does not keep.
 */

/** Spawns at tiles (3,3), (3,8), (10,3), (10,8); beside each a focus desk to the right and an assignable one to the left. */
const SPAWN_TILES = [
  [3, 3],
  [3, 8],
  [10, 3],
  [10, 8],
] as const;

export const DESK_MAP: TestMapOptions = {
  width: 24,
  height: 16,
  spawns: SPAWN_TILES.map(([tx, ty]) => feetAt(tx, ty)),
  desks: [
    ...SPAWN_TILES.map(([tx, ty], i) => ({ id: `focus-${i}`, kind: "focus" as const, ...feetAt(tx + 1, ty), facing: "up" as const })),
    ...SPAWN_TILES.map(([tx, ty], i) => ({ id: `desk-${i}`, kind: "assignable" as const, ...feetAt(tx - 1, ty), facing: "up" as const })),
    { id: "far", kind: "focus", ...feetAt(20, 14), facing: "up" },
  ],
};

const ROLES: readonly Role[] = ["owner", "admin", "member", "guest"];

/** memberId "m-<name>", so the same name rejoining is the same member. */
export class RoleIdentity implements IdentityProvider {
  async authenticateJoin(options: unknown): Promise<Identity> {
    const join = parseJoinOptions(options);
    const first = join.name.split(" ")[0].toLowerCase() as Role;
    const role = ROLES.includes(first) ? first : "member";
    return { memberId: `m-${join.name}`, name: join.name, avatar: join.avatar, role, space: join.space };
  }
}

/** What the desk and status features add to a member. */
export interface StatusView {
  status: string;
  statusText: string;
  seat: string;
  x: number;
  y: number;
  facing: string;
  focusStart: number;
  focusEnd: number;
}

export function statusOf(client: TestClient, sessionId: string = client.sessionId): StatusView | undefined {
  const m = (client.room.state as { members?: { get(id: string): StatusView | undefined } }).members?.get(sessionId);
  // The position comes from the position frames (undefined while out of the client's view).
  const at = client.member(sessionId);
  return m && { status: m.status, statusText: m.statusText, seat: m.seat, x: at?.x as number, y: at?.y as number, facing: at?.facing as string, focusStart: m.focusStart, focusEnd: m.focusEnd };
}

export function deskOwners(client: TestClient): Record<string, string> {
  const owners: Record<string, string> = {};
  const desks = (client.room.state as { desks?: { forEach(cb: (d: { ownerName: string }, id: string) => void): void } }).desks;
  desks?.forEach((d, id) => (owners[id] = d.ownerName));
  return owners;
}

/** Records every message of the given types a client receives, in order. */
export function recordMessages<K extends ServerMessageName & keyof ServerMessages>(
  client: TestClient,
  types: readonly K[],
): Array<{ type: K; body: ServerMessages[K] }> {
  const log: Array<{ type: K; body: ServerMessages[K] }> = [];
  for (const type of types) client.room.onMessage(type, (body: ServerMessages[K]) => log.push({ type, body }));
  return log;
}

export const STATUS_MESSAGES = [
  ServerMessage.Knock,
  ServerMessage.KnockClosed,
  ServerMessage.KnockResult,
  ServerMessage.FocusTimerEnded,
  ServerMessage.Conversation,
] as const;

/** The desk of `kind` within reach of where someone stands (desks are sat at and claimed from there). */
export function deskBeside(map: OfficeMap, at: Point, kind: "focus" | "assignable") {
  const desk = map.desks.find((d) => d.kind === kind && withinReach(at, d, map.tileSize));
  if (!desk) throw new Error(`no ${kind} desk beside ${at.x},${at.y}`);
  return desk;
}
