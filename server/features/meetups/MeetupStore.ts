import type { MeetupState } from "../../../shared/meetups/meetupRules";

/** One person's time at a meetup: who came, when first and last seen there, and for how long in all. */
export interface AttendanceRecord {
  memberId: string;
  name: string;
  firstSeenAt: number;
  lastSeenAt: number;
  seconds: number;
}

export interface MeetupRecord {
  id: string;
  space: string;
  title: string;
  description: string;
  zoneId: number;
  zoneName: string;
  /** ms since the epoch. */
  startsAt: number;
  durationMinutes: number;
  hosts: Array<{ memberId: string; name: string }>;
  createdBy: string;
  state: MeetupState;
  startedAt: number | null;
  endedAt: number | null;
  attendance: AttendanceRecord[];
}

export type NewMeetup = Omit<MeetupRecord, "id" | "state" | "startedAt" | "endedAt" | "attendance">;
export type MeetupPatch = Partial<Omit<MeetupRecord, "id" | "space" | "createdBy">>;

/**
 * Where a space's meetups are kept: MongoDB through the Meetup model in
 * production (MongoMeetupStore), memory for rooms without persistence.
 */
export interface MeetupStore {
  /** Meetups of the space that are scheduled or live, and those that ended or were cancelled after `since`. */
  list(space: string, since: number): Promise<MeetupRecord[]>;
  get(id: string): Promise<MeetupRecord | null>;
  create(meetup: NewMeetup): Promise<MeetupRecord>;
  /** The updated meetup, or null when there is none with that id. */
  update(id: string, patch: MeetupPatch): Promise<MeetupRecord | null>;
}
