import { MEETUP_MAX_MINUTES, MEETUP_MIN_MINUTES, MEETUP_TITLE_MAX, MEETUP_ZONE_TYPES } from "../../../shared/meetups/meetupRules";
import type { OfficeMap } from "../../../shared/map/types";
import type { ClientMessages } from "../../../shared/protocol/messages";
import type { ClientMessage } from "../../../shared/protocol/names";

type Schedule = ClientMessages[typeof ClientMessage.MeetupSchedule];

/** The "schedule a meetup" form: title, description, zone, start, duration. The server checks everything again. */
export function ScheduleForm({ map, submit }: { map: OfficeMap; submit(meetup: Schedule): void }) {
  const zones = map.zones.filter((z) => (MEETUP_ZONE_TYPES as readonly string[]).includes(z.type) && !z.platform);
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const startsAt = new Date(field("start")).getTime();
    const title = field("title").trim();
    if (!title || !Number.isFinite(startsAt)) return;
    submit({
      title,
      description: field("description").trim(),
      zoneId: Number(field("zone")),
      startsAt,
      durationMinutes: Math.round(Number(field("duration")) || 30),
    });
    (form.elements.namedItem("title") as HTMLInputElement).value = "";
    (form.elements.namedItem("description") as HTMLTextAreaElement).value = "";
  };
  return (
    <form class="meetup-form" data-meetup-form="" onSubmit={onSubmit}>
      <label>
        Title <input name="title" required maxLength={MEETUP_TITLE_MAX} />
      </label>
      <label>
        Description <textarea name="description" maxLength={1000} rows={2} />
      </label>
      <label>
        Zone{" "}
        <select name="zone">
          {zones.map((z) => (
            <option key={z.id} value={String(z.id)}>{`${z.name} (${z.type})`}</option>
          ))}
        </select>
      </label>
      <label>
        Starts <input name="start" type="datetime-local" required defaultValue={localInputValue(new Date(Date.now() + 15 * 60_000))} />
      </label>
      <label>
        Minutes <input name="duration" type="number" min={MEETUP_MIN_MINUTES} max={MEETUP_MAX_MINUTES} defaultValue="30" />
      </label>
      <button type="submit" data-meetup-schedule="">Schedule</button>
    </form>
  );
}

function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
