import { compareIds } from "../proximity/compareIds";
import type { Stage } from "./stageLayout";

/**
 * Who speaks and who listens on one stage (pure). Speakers are seen and heard
 * by everyone in the hall; listeners receive the speakers and send nothing,
 * and listeners never connect to each other — that is what keeps a talk to
 * twenty people within a speaker's laptop and uplink on peer-to-peer media.
 *
 * - Without a live meetup there, whoever stands on a platform speaks.
 * - During a live meetup, only its hosts on a platform and the people a host
 *   brought up (wherever they stand in the hall) speak; anyone else on the
 *   platform listens like the audience.
 * - At most `caps.speakers` speak (earliest arrivals first); others listen.
 *   At most `caps.listeners` listen: peer to peer a speaker sends one stream
 *   per listener (24), through a media server the server does (200); later
 *   arrivals are refused and told why.
 * - With nobody speaking there is no conversation: the audience does not talk
 *   among itself on a stage.
 */

export const MAX_STAGE_SPEAKERS = 4;
export const MAX_STAGE_LISTENERS = 24;

/** How many may speak and listen on one stage. */
export interface StageCaps {
  speakers: number;
  listeners: number;
  /** Whether a media server carries the stage (the refusals say why the cap is what it is). */
  mediaServer: boolean;
}

export const PEER_TO_PEER_STAGE_CAPS: StageCaps = Object.freeze({ speakers: MAX_STAGE_SPEAKERS, listeners: MAX_STAGE_LISTENERS, mediaServer: false });

/**
 * Through a media server each speaker publishes once and the server sends to
 * every listener, so the audience is bounded by the server, not a laptop.
 */
export const MEDIA_SERVER_STAGE_CAPS: StageCaps = Object.freeze({ speakers: MAX_STAGE_SPEAKERS, listeners: 200, mediaServer: true });

export type StageRole = "speaker" | "listener";

export interface StagePerson {
  id: string;
  /** The zone id their feet are in (the hall or one of its platforms). */
  zoneId: number;
  /** Arrival order in the zone; earlier wins a place under the caps. */
  enteredAt: number;
}

export interface LiveStageMeetup {
  /** Session ids of the meetup's hosts present in the room. */
  hosts: ReadonlySet<string>;
  /** Session ids a host brought up to speak. */
  promoted: ReadonlySet<string>;
}

export type StageRefusal = "audience-full";

export interface StagePlan {
  groupId: string;
  speakers: string[];
  listeners: string[];
  /** People on a platform or promoted who listen because the most speakers already speak. */
  overflowSpeakers: string[];
  refused: Array<{ id: string; reason: StageRefusal }>;
}

export function stageGroupId(stage: Stage): string {
  return `stage-${stage.hall.id}`;
}

export function planStage(
  stage: Stage,
  people: readonly StagePerson[],
  meetup: LiveStageMeetup | null,
  caps: StageCaps = PEER_TO_PEER_STAGE_CAPS,
): StagePlan {
  const platformIds = new Set(stage.platforms.map((p) => p.id));
  const byArrival = [...people].sort((a, b) => a.enteredAt - b.enteredAt || compareIds(a.id, b.id));
  const wouldSpeak = (p: StagePerson) =>
    meetup ? meetup.promoted.has(p.id) || (meetup.hosts.has(p.id) && platformIds.has(p.zoneId)) : platformIds.has(p.zoneId);

  const speakers: string[] = [];
  const overflowSpeakers: string[] = [];
  const audience: string[] = [];
  for (const p of byArrival) {
    if (!wouldSpeak(p)) audience.push(p.id);
    else if (speakers.length < caps.speakers) speakers.push(p.id);
    else {
      overflowSpeakers.push(p.id);
      audience.push(p.id);
    }
  }
  const plan: StagePlan = { groupId: stageGroupId(stage), speakers: [], listeners: [], overflowSpeakers, refused: [] };
  if (speakers.length === 0 || speakers.length + audience.length < 2) return plan;
  plan.speakers = speakers.sort(compareIds);
  plan.listeners = audience.slice(0, caps.listeners).sort(compareIds);
  plan.refused = audience.slice(caps.listeners).map((id) => ({ id, reason: "audience-full" as const }));
  return plan;
}

/** Whether two members of one stage connect at all, and who sends to whom. */
export function stageLink(a: StageRole, b: StageRole): { aSends: boolean; bSends: boolean } | null {
  if (a === "listener" && b === "listener") return null;
  return { aSends: a === "speaker", bSends: b === "speaker" };
}
