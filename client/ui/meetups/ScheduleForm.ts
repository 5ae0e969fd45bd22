import { MEETUP_MAX_MINUTES, MEETUP_MIN_MINUTES, MEETUP_TITLE_MAX, MEETUP_ZONE_TYPES } from "../../../shared/meetups/meetupRules";
import type { OfficeMap } from "../../../shared/map/types";
import type { ClientMessages } from "../../../shared/protocol/messages";
import type { ClientMessage } from "../../../shared/protocol/names";
import { button, el } from "../dom";

type Schedule = ClientMessages[typeof ClientMessage.MeetupSchedule];

/** The "schedule a meetup" form: title, description, zone, start, duration. The server checks everything again. */
export class ScheduleForm {
  readonly root: HTMLFormElement;

  constructor(map: OfficeMap, submit: (meetup: Schedule) => void) {
    const title = el("input", { name: "title", required: "", maxlength: String(MEETUP_TITLE_MAX), "aria-label": "Title" });
    const description = el("textarea", { name: "description", maxlength: "1000", rows: "2", "aria-label": "Description" });
    const zone = el("select", { name: "zone", "aria-label": "Zone" });
    for (const z of map.zones) {
      if ((MEETUP_ZONE_TYPES as readonly string[]).includes(z.type) && !z.platform) zone.append(el("option", { value: String(z.id) }, `${z.name} (${z.type})`));
    }
    const start = el("input", { name: "start", type: "datetime-local", required: "", "aria-label": "Starts at" });
    start.value = localInputValue(new Date(Date.now() + 15 * 60_000));
    const duration = el("input", {
      name: "duration",
      type: "number",
      min: String(MEETUP_MIN_MINUTES),
      max: String(MEETUP_MAX_MINUTES),
      value: "30",
      "aria-label": "Duration in minutes",
    });
    this.root = el(
      "form",
      { class: "meetup-form", "data-meetup-form": "" },
      el("label", {}, "Title ", title),
      el("label", {}, "Description ", description),
      el("label", {}, "Zone ", zone),
      el("label", {}, "Starts ", start),
      el("label", {}, "Minutes ", duration),
      button("Schedule", () => this.root.requestSubmit(), { "data-meetup-schedule": "" }),
    );
    this.root.addEventListener("submit", (event) => {
      event.preventDefault();
      const startsAt = new Date(start.value).getTime();
      if (!title.value.trim() || !Number.isFinite(startsAt)) return;
      submit({
        title: title.value.trim(),
        description: description.value.trim(),
        zoneId: Number(zone.value),
        startsAt,
        durationMinutes: Math.round(Number(duration.value) || 30),
      });
      title.value = "";
      description.value = "";
    });
  }
}

function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
