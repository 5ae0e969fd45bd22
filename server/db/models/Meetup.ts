import { Schema, type Connection, type Model, type Types } from "mongoose";
import { MEETUP_DESCRIPTION_MAX, MEETUP_TITLE_MAX } from "../../../shared/meetups/meetupRules";

export const MEETUP_STATES = ["scheduled", "live", "ended", "cancelled"] as const;

export interface MeetupAttendanceDoc {
  memberId: string;
  name: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  seconds: number;
}

/** A scheduled meetup in one space's zone (issue 6), with its hosts and attendance. */
export interface MeetupDoc {
  _id: Types.ObjectId;
  space: string;
  title: string;
  description: string;
  zoneId: number;
  zoneName: string;
  startsAt: Date;
  durationMinutes: number;
  hosts: Array<{ memberId: string; name: string }>;
  createdBy: string;
  state: (typeof MEETUP_STATES)[number];
  startedAt: Date | null;
  endedAt: Date | null;
  attendance: MeetupAttendanceDoc[];
  createdAt: Date;
}

const attendanceSchema = new Schema<MeetupAttendanceDoc>(
  {
    memberId: { type: String, required: true },
    name: { type: String, required: true },
    firstSeenAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    seconds: { type: Number, required: true, min: 0 },
  },
  { _id: false },
);

export const meetupSchema = new Schema<MeetupDoc>(
  {
    // The space's slug, as rooms know it.
    space: { type: String, required: true },
    title: { type: String, required: true, maxlength: MEETUP_TITLE_MAX },
    description: { type: String, default: "", maxlength: MEETUP_DESCRIPTION_MAX },
    zoneId: { type: Number, required: true },
    zoneName: { type: String, required: true },
    startsAt: { type: Date, required: true },
    durationMinutes: { type: Number, required: true, min: 1 },
    hosts: { type: [new Schema({ memberId: String, name: String }, { _id: false })], default: [] },
    createdBy: { type: String, required: true },
    state: { type: String, enum: MEETUP_STATES, default: "scheduled" },
    startedAt: { type: Date, default: null },
    endedAt: { type: Date, default: null },
    attendance: { type: [attendanceSchema], default: [] },
    createdAt: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);
// A room lists its space's meetups by time.
meetupSchema.index({ space: 1, startsAt: 1 });

export type MeetupModel = Model<MeetupDoc>;

export function meetupModel(connection: Connection): MeetupModel {
  return (connection.models.Meetup as MeetupModel | undefined) ?? connection.model<MeetupDoc>("Meetup", meetupSchema);
}
