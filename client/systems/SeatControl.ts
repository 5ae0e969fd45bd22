import type { Desk, OfficeMap, Point } from "../../shared/map/types";
import { ClientMessage } from "../../shared/protocol/names";
import { nearestDesk, withinReach } from "../../shared/status/seating";
import type { OfficeConnection } from "../net/OfficeConnection";

/**
 * Sitting down: X toggles sitting at the nearest desk within reach, and a
 * click on a chair sits there (walking up first when it is further away).
 * The room decides; this only asks. Moving stands up on the server's side.
 */

/** How close to a seat point a click counts as a click on its chair, px. */
const CHAIR_HIT_PX = 16;
/** How close to the seat a walk to a clicked chair counts as arrived, px. */
const ARRIVED_PX = 2;
/** A walk to a clicked chair that has not arrived by then is given up. */
const PENDING_MS = 15_000;

export class SeatControl {
  private pending: { desk: Desk; until: number } | null = null;

  constructor(
    private readonly connection: OfficeConnection,
    private readonly map: OfficeMap,
    private readonly selfPosition: () => Point | null,
    private readonly walkTo: (point: Point) => void,
  ) {}

  /** Sit at the nearest desk within reach, or stand up when seated. */
  toggle(): void {
    const self = this.connection.member(this.connection.selfId);
    if (!self) return;
    if (self.seat) {
      this.connection.send(ClientMessage.Stand, {});
      return;
    }
    const at = this.selfPosition() ?? self;
    const desk = nearestDesk(at, this.map.desks, this.map.tileSize);
    if (desk) this.connection.send(ClientMessage.Sit, { desk: desk.id });
  }

  /** A click at a map point: true when it was on a chair (and handled here). */
  click(point: Point): boolean {
    const desk = this.map.desks.find((d) => Math.hypot(d.x - point.x, d.y - point.y) <= CHAIR_HIT_PX);
    if (!desk) return false;
    const at = this.selfPosition();
    if (at && withinReach(at, desk, this.map.tileSize)) {
      this.pending = null;
      this.connection.send(ClientMessage.Sit, { desk: desk.id });
    } else {
      this.pending = { desk, until: performance.now() + PENDING_MS };
      this.walkTo({ x: desk.x, y: desk.y });
    }
    return true;
  }

  /** Per frame: sits once a walk to a clicked chair has arrived. */
  update(now: number): void {
    const pending = this.pending;
    if (!pending) return;
    const self = this.connection.member(this.connection.selfId);
    const at = this.selfPosition();
    if (now > pending.until || !self || self.seat) {
      this.pending = null;
      return;
    }
    // Sit once the walk has ended at the seat, as the room sees it too (a sit sent mid-walk would be undone by the next step).
    const arrived = at && Math.hypot(at.x - pending.desk.x, at.y - pending.desk.y) <= ARRIVED_PX;
    const serverArrived = Math.hypot(self.x - pending.desk.x, self.y - pending.desk.y) <= ARRIVED_PX;
    if (!arrived || !serverArrived || self.moving) return;
    this.pending = null;
    this.connection.send(ClientMessage.Sit, { desk: pending.desk.id });
  }

  dispose(): void {
    this.pending = null;
  }
}

