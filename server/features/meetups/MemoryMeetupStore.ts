import type { MeetupPatch, MeetupRecord, MeetupStore, NewMeetup } from "./MeetupStore";

/** Meetups in memory: for rooms without persistence (they last as long as the process). */
export class MemoryMeetupStore implements MeetupStore {
  private readonly meetups = new Map<string, MeetupRecord>();
  private seq = 0;

  async list(space: string, since: number): Promise<MeetupRecord[]> {
    return [...this.meetups.values()]
      .filter((m) => m.space === space && (m.state === "scheduled" || m.state === "live" || (m.endedAt ?? 0) >= since))
      .map(copy);
  }

  async get(id: string): Promise<MeetupRecord | null> {
    const m = this.meetups.get(id);
    return m ? copy(m) : null;
  }

  async create(meetup: NewMeetup): Promise<MeetupRecord> {
    const record: MeetupRecord = { ...meetup, id: `m${++this.seq}`, state: "scheduled", startedAt: null, endedAt: null, attendance: [] };
    this.meetups.set(record.id, record);
    return copy(record);
  }

  async update(id: string, patch: MeetupPatch): Promise<MeetupRecord | null> {
    const m = this.meetups.get(id);
    if (!m) return null;
    Object.assign(m, structuredClone(patch));
    return copy(m);
  }
}

function copy(m: MeetupRecord): MeetupRecord {
  return structuredClone(m);
}
