import { HandQueue } from "../../../shared/meetups/HandQueue";
import { AttendanceTracker } from "./AttendanceTracker";
import type { MeetupRecord } from "./MeetupStore";

/** What a live meetup holds only while it runs: hands, who was brought up, the spotlight, attendance. */
export class LiveMeetup {
  readonly hands = new HandQueue();
  /** Session ids a host brought up to speak. */
  readonly promoted = new Set<string>();
  spotlight: string | null = null;
  readonly attendance: AttendanceTracker;
  lastSaved = 0;

  constructor(record: MeetupRecord) {
    this.attendance = new AttendanceTracker(record.attendance);
  }

  /** Someone left the zone or the room: their hand, promotion and spotlight end. True when anything changed. */
  drop(sessionId: string): boolean {
    let changed = this.hands.lower(sessionId);
    changed = this.promoted.delete(sessionId) || changed;
    if (this.spotlight === sessionId) {
      this.spotlight = null;
      changed = true;
    }
    return changed;
  }

  view(): { hands: string[]; promoted: string[]; spotlight: string | null } {
    return { hands: [...this.hands.list()], promoted: [...this.promoted].sort(), spotlight: this.spotlight };
  }
}
