import { stageIndex, stagesOf, type Stage } from "../../../shared/meetups/stageLayout";
import { PEER_TO_PEER_STAGE_CAPS, planStage, type StageCaps, type LiveStageMeetup, type StagePerson, type StageRole } from "../../../shared/meetups/stageRoles";
import type { OfficeMap } from "../../../shared/map/types";
import { initiates } from "../../../shared/proximity";
import type { ConversationMember, ConversationMessage, ConversationOverlay, OverlayPlan } from "../conversations/ConversationSystem";
import type { ZoneTracker } from "../zones/ZoneTracker";

/** The live meetup held on a stage (by its hall's zone id), if any. */
export type StageMeetupSource = (hallZoneId: number) => LiveStageMeetup | null;

const TAKES_PART = new Set(["available", "busy"]);

/**
 * Stages as a conversation overlay: everyone taking part in a stage hall or
 * on its platform is taken out of the ordinary zone pipeline and told exactly
 * whom to connect to — speakers to everyone, listeners to the speakers only,
 * one-way (shared/meetups/stageRoles). Signalling from a listener reaches only
 * speakers and may never offer to send media.
 */
export class StageOverlay implements ConversationOverlay {
  private readonly stages: Stage[];
  private readonly index: Map<number, Stage>;
  private roles = new Map<string, { groupId: string; role: StageRole }>();
  private caps: StageCaps = PEER_TO_PEER_STAGE_CAPS;

  constructor(
    map: OfficeMap,
    private readonly zones: ZoneTracker,
    private readonly meetupAt: StageMeetupSource = () => null,
  ) {
    this.stages = stagesOf(map);
    this.index = stageIndex(this.stages);
  }

  get hasStages(): boolean {
    return this.stages.length > 0;
  }

  /** The stage whose hall or platform this zone is. */
  stageOfZone(zoneId: number): Stage | undefined {
    return this.index.get(zoneId);
  }

  /** Larger caps while a media server carries the stages; the next plan applies them. */
  setCaps(caps: StageCaps): void {
    this.caps = caps;
  }

  roleOf(sessionId: string): StageRole | null {
    return this.roles.get(sessionId)?.role ?? null;
  }

  plan(members: readonly ConversationMember[]): OverlayPlan {
    const messages = new Map<string, ConversationMessage>();
    const groups = new Map<string, readonly string[]>();
    const roles = new Map<string, { groupId: string; role: StageRole }>();
    const names = new Map<string, string>();
    const byStage = new Map<Stage, StagePerson[]>();
    for (const m of members) {
      const zone = this.zones.zoneOf(m.id);
      const stage = zone && this.index.get(zone.id);
      if (!stage || !TAKES_PART.has(m.status)) continue;
      names.set(m.id, m.name);
      let list = byStage.get(stage);
      if (!list) byStage.set(stage, (list = []));
      list.push({ id: m.id, zoneId: zone.id, enteredAt: this.zones.enteredAt(m.id) });
    }
    for (const [stage, people] of byStage) {
      const meetup = this.meetupAt(stage.hall.id);
      const plan = planStage(stage, people, meetup, this.caps);
      const platformIds = new Set(stage.platforms.map((p) => p.id));
      const peer = (id: string, self: string, send: boolean, receive: boolean, initiator: boolean) => ({
        id,
        name: names.get(id) ?? "",
        initiator,
        ...(send ? {} : { send: false }),
        ...(receive ? {} : { receive: false }),
      });
      for (const s of plan.speakers) {
        roles.set(s, { groupId: plan.groupId, role: "speaker" });
        messages.set(s, {
          groupId: plan.groupId,
          peers: [
            ...plan.speakers.filter((o) => o !== s).map((o) => peer(o, s, true, true, initiates(s, o))),
            // Speakers make the offers to listeners, so a listener never needs to offer anything.
            ...plan.listeners.map((l) => peer(l, s, true, false, true)),
          ],
          stage: { role: "speaker" },
        });
      }
      for (const l of plan.listeners) {
        roles.set(l, { groupId: plan.groupId, role: "listener" });
        const person = people.find((p) => p.id === l)!;
        const note = plan.overflowSpeakers.includes(l)
          ? `The stage already has ${this.caps.speakers} speakers, the most ${this.caps.mediaServer ? "a stage" : "a peer-to-peer stage"} carries: you listen until one steps down.`
          : meetup && platformIds.has(person.zoneId)
            ? "During a meetup only its hosts and the people they bring up speak: raise your hand to ask."
            : undefined;
        messages.set(l, {
          groupId: plan.groupId,
          peers: plan.speakers.map((s) => peer(s, l, false, true, false)),
          stage: note ? { role: "listener", note } : { role: "listener" },
        });
      }
      for (const r of plan.refused) {
        messages.set(r.id, {
          groupId: null,
          peers: [],
          full: {
            groupId: plan.groupId,
            size: plan.speakers.length + plan.listeners.length,
            reason: this.caps.mediaServer
              ? `The audience is full (${this.caps.listeners} listeners, the most the media server takes per stage): you can see the stage but not hear it.`
              : `The audience is full (${this.caps.listeners} listeners, the most a speaker's laptop can send to on peer-to-peer media): you can see the stage but not hear it.`,
          },
          stage: { role: "listener" },
        });
      }
      // With nobody speaking, the hall is silent: the audience does not talk among itself.
      for (const p of people) if (!messages.has(p.id)) messages.set(p.id, { groupId: null, peers: [] });
      if (plan.speakers.length > 0) groups.set(plan.groupId, [...plan.speakers, ...plan.listeners].sort());
    }
    this.roles = roles;
    return { messages, groups, mayRelay: (from, to, data) => this.mayRelay(from, to, data) };
  }

  /** Listener ↔ listener never; a listener's SDP must not offer to send anything. */
  private mayRelay(from: string, to: string, data: unknown): boolean {
    const a = this.roles.get(from);
    const b = this.roles.get(to);
    if (!a || !b || a.groupId !== b.groupId) return false;
    if (a.role === "speaker") return true;
    if (b.role !== "speaker") return false;
    return !sdpSends(data);
  }
}

/** Whether signalling carries an SDP with a media section that would send (sendrecv or sendonly). */
export function sdpSends(data: unknown): boolean {
  const sdp = (data as { sdp?: unknown } | null)?.sdp;
  if (typeof sdp !== "string") return false;
  // Each m= section states its direction; sendrecv is also the default when none is given.
  const sections = sdp.split(/\r?\nm=/).slice(1);
  return sections.some((section) => {
    if (section.startsWith("application")) return false;
    if (/\r?\na=(sendrecv|sendonly)\b/.test(section)) return true;
    return !/\r?\na=(recvonly|inactive)\b/.test(section);
  });
}
