import { z } from "zod";
import { clientMessage } from "./declare";
import {
  MEETUP_DESCRIPTION_MAX,
  MEETUP_MAX_HOSTS,
  MEETUP_MAX_MINUTES,
  MEETUP_MIN_MINUTES,
  MEETUP_TITLE_MAX,
  type MeetupState,
} from "../meetups/meetupRules";
import { ClientMessage, ServerMessage } from "./names";
import { plainText, sessionId } from "./text";

/**
 * Meetups (scheduled talks and meetings in a zone), their host controls, and
 * zone locks with knocking (issue 6). Meetups are addressed by their stored id;
 * people in the room by session id; hosts are stored by member id.
 */

const meetupId = z.string().regex(/^[a-f0-9]{24}$|^m[0-9]{1,12}$/, "must be a meetup id");
const memberId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "must be a member id");
/** Milliseconds since the epoch, within sane bounds (2020 … 2100). */
const epochMs = z.number().int().min(1_577_836_800_000).max(4_102_444_800_000);
const description = z
  .string()
  .trim()
  .max(MEETUP_DESCRIPTION_MAX, `must be at most ${MEETUP_DESCRIPTION_MAX} characters`)
  // Newlines are fine in a description; other control characters are not.
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(s), "must not contain control characters");

const meetupFields = {
  title: plainText(MEETUP_TITLE_MAX),
  description: description.optional(),
  zoneId: z.number().int().min(0).max(1_000_000),
  startsAt: epochMs,
  durationMinutes: z.number().int().min(MEETUP_MIN_MINUTES).max(MEETUP_MAX_MINUTES),
  /** Member ids of the other hosts; whoever schedules always hosts. */
  hosts: z.array(memberId).max(MEETUP_MAX_HOSTS - 1).optional(),
};

export const meetupMessages = {
  /** Send me the list again (the page's panel may be built after the one sent on joining). */
  [ClientMessage.MeetupList]: clientMessage(
    z.object({}).strict(),
    {
      // Meetups are scheduled and edited by hand; host controls come in short bursts during a talk.
      // The page asks for the list once its panel is ready (and after a reconnect).
      burst: 3,
      perSecond: 0.5,
    },
  ),
  [ClientMessage.MeetupSchedule]: clientMessage(
    z.object(meetupFields).strict(),
    {
      // Meetups are scheduled and edited by hand; host controls come in short bursts during a talk.
      // The page asks for the list once its panel is ready (and after a reconnect).
      burst: 3,
      perSecond: 0.2,
    },
  ),
  [ClientMessage.MeetupEdit]: clientMessage(
    z
      .object({
        id: meetupId,
        title: meetupFields.title.optional(),
        description: meetupFields.description,
        zoneId: meetupFields.zoneId.optional(),
        startsAt: meetupFields.startsAt.optional(),
        durationMinutes: meetupFields.durationMinutes.optional(),
        hosts: meetupFields.hosts,
      })
      .strict(),
    {
      // Meetups are scheduled and edited by hand; host controls come in short bursts during a talk.
      // The page asks for the list once its panel is ready (and after a reconnect).
      burst: 5,
      perSecond: 0.5,
    },
  ),
  /** cancel (before it starts), start, end, or "take me there" (to a live meetup's zone). */
  [ClientMessage.MeetupAction]: clientMessage(
    z.object({ id: meetupId, action: z.enum(["cancel", "start", "end", "teleport"]) }).strict(),
    {
      // Meetups are scheduled and edited by hand; host controls come in short bursts during a talk.
      // The page asks for the list once its panel is ready (and after a reconnect).
      burst: 5,
      perSecond: 1,
    },
  ),
  /** Host controls over someone present; `next-hand` brings up the longest-waiting raised hand (no target). */
  [ClientMessage.MeetupHost]: clientMessage(
    z.discriminatedUnion("action", [
      z.object({ id: meetupId, action: z.enum(["mute", "promote", "demote", "spotlight"]), target: sessionId }).strict(),
      z.object({ id: meetupId, action: z.enum(["unspotlight", "next-hand", "lock", "unlock"]) }).strict(),
    ]),
    {
      // Meetups are scheduled and edited by hand; host controls come in short bursts during a talk.
      // The page asks for the list once its panel is ready (and after a reconnect).
      burst: 10,
      perSecond: 2,
    },
  ),
  /** Raise or lower your hand in the live meetup whose zone you stand in. */
  [ClientMessage.RaiseHand]: clientMessage(
    z.object({ raised: z.boolean() }).strict(),
    {
      // Meetups are scheduled and edited by hand; host controls come in short bursts during a talk.
      // The page asks for the list once its panel is ready (and after a reconnect).
      burst: 4,
      perSecond: 0.5,
    },
  ),
  /** Lock or unlock the private zone you stand in. */
  [ClientMessage.ZoneLock]: clientMessage(
    z.object({ locked: z.boolean() }).strict(),
    {
      // Meetups are scheduled and edited by hand; host controls come in short bursts during a talk.
      // The page asks for the list once its panel is ready (and after a reconnect).
      burst: 4,
      perSecond: 0.5,
    },
  ),
  /** Ask the people inside a locked zone to let you in. */
  [ClientMessage.ZoneKnock]: clientMessage(
    z.object({ zoneId: z.number().int().min(0).max(1_000_000) }).strict(),
    {
      // A knock on a locked zone notifies everyone inside: as slow as knocking on a person's door.
      burst: 3,
      perSecond: 0.2,
    },
  ),
  /** Someone inside answers a knock on their locked zone. */
  [ClientMessage.ZoneKnockAnswer]: clientMessage(
    z.object({ from: sessionId, accept: z.boolean() }).strict(),
    {
      // A knock on a locked zone notifies everyone inside: as slow as knocking on a person's door.
      burst: 10,
      perSecond: 2,
    },
  ),
} as const;

export interface MeetupHostView {
  memberId: string;
  name: string;
}

/** What a member is told about one meetup. */
export interface MeetupView {
  id: string;
  title: string;
  description: string;
  zoneId: number;
  zoneName: string;
  zoneType: string;
  startsAt: number;
  durationMinutes: number;
  hosts: MeetupHostView[];
  /** As displayed now: a scheduled meetup past its end shows as ended. */
  state: MeetupState;
  /** True when the recipient may edit, cancel, start, end it and use the host controls. */
  youHost: boolean;
  /** Only while live. */
  live?: {
    startedAt: number;
    /** Session ids, longest-waiting first. */
    hands: string[];
    /** Session ids a host brought up to speak. */
    promoted: string[];
    /** The session whose video everyone pins large, or null. */
    spotlight: string | null;
  };
}

export interface ServerMeetupMessages {
  /** Upcoming and live meetups of the space; sent on join and whenever one changes. */
  [ServerMessage.Meetups]: { meetups: MeetupView[]; youMaySchedule: boolean };
  /** A meetup just went live: everyone in the space sees a banner with "go there". */
  [ServerMessage.MeetupStarted]: { id: string; title: string; zoneId: number; zoneName: string };
  /** A host muted your microphone (you may unmute yourself). */
  [ServerMessage.MeetupMuted]: { by: string };
  /** Locked zones of the room, by zone id. */
  [ServerMessage.ZoneLocks]: { locked: Array<{ zoneId: number; zoneName: string }> };
  /** Someone asks to come into the locked zone you are in. */
  [ServerMessage.ZoneKnock]: { from: string; name: string; zoneId: number };
  /** What became of your knock on a locked zone. */
  [ServerMessage.ZoneKnockResult]: { zoneId: number; outcome: "accepted" | "declined" | "gone" };
}
