import type { MeetupPatch, MeetupRecord, MeetupStore, NewMeetup } from "../../features/meetups/MeetupStore";
import type { Models } from "../models";
import type { MeetupDoc } from "../models/Meetup";
import { toObjectId } from "./objectIds";

/** Meetups in MongoDB; times travel as epoch ms outside, Dates inside. Serves rooms as their MeetupStore. */
export class MeetupRepository implements MeetupStore {
  constructor(private readonly models: Models) {}

  async list(space: string, since: number): Promise<MeetupRecord[]> {
    const docs = await this.models.Meetup.find({
      space,
      $or: [{ state: { $in: ["scheduled", "live"] } }, { endedAt: { $gte: new Date(since) } }],
    })
      .sort({ startsAt: 1 })
      .lean<MeetupDoc[]>()
      .exec();
    return docs.map(toRecord);
  }

  /** Every meetup of a deleted space. */
  async removeAllOf(space: string): Promise<void> {
    await this.models.Meetup.deleteMany({ space }).exec();
  }

  async get(id: string): Promise<MeetupRecord | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const doc = await this.models.Meetup.findById(_id).lean<MeetupDoc>().exec();
    return doc ? toRecord(doc) : null;
  }

  async create(meetup: NewMeetup): Promise<MeetupRecord> {
    const doc = await this.models.Meetup.create({ ...meetup, startsAt: new Date(meetup.startsAt) });
    return toRecord(doc.toObject());
  }

  async update(id: string, patch: MeetupPatch): Promise<MeetupRecord | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const set: Record<string, unknown> = { ...patch };
    for (const key of ["startsAt", "startedAt", "endedAt"] as const) {
      if (patch[key] !== undefined) set[key] = patch[key] === null ? null : new Date(patch[key]!);
    }
    if (patch.attendance) {
      set.attendance = patch.attendance.map((a) => ({ ...a, firstSeenAt: new Date(a.firstSeenAt), lastSeenAt: new Date(a.lastSeenAt) }));
    }
    const doc = await this.models.Meetup.findByIdAndUpdate(_id, { $set: set }, { returnDocument: "after", runValidators: true })
      .lean<MeetupDoc>()
      .exec();
    return doc ? toRecord(doc) : null;
  }
}

function toRecord(doc: MeetupDoc): MeetupRecord {
  return {
    id: String(doc._id),
    space: doc.space,
    title: doc.title,
    description: doc.description ?? "",
    zoneId: doc.zoneId,
    zoneName: doc.zoneName,
    startsAt: new Date(doc.startsAt).getTime(),
    durationMinutes: doc.durationMinutes,
    hosts: (doc.hosts ?? []).map((h) => ({ memberId: h.memberId, name: h.name })),
    createdBy: doc.createdBy,
    state: doc.state,
    startedAt: doc.startedAt ? new Date(doc.startedAt).getTime() : null,
    endedAt: doc.endedAt ? new Date(doc.endedAt).getTime() : null,
    attendance: (doc.attendance ?? []).map((a) => ({
      memberId: a.memberId,
      name: a.name,
      firstSeenAt: new Date(a.firstSeenAt).getTime(),
      lastSeenAt: new Date(a.lastSeenAt).getTime(),
      seconds: a.seconds,
    })),
  };
}
