import type { Repositories } from "../db/repositories";
import type { SpaceSettingsForRoom, SpaceSettingsSource } from "../deps";

/**
 * A space's conversation and meetup settings from its stored document. Read
 * when a room opens, and again when an owner changes them (the room's
 * reloadSettings); the model's validators already bound each value.
 */
export class DbSpaceSettings implements SpaceSettingsSource {
  constructor(private readonly repos: Repositories) {}

  async settings(slug: string): Promise<SpaceSettingsForRoom | null> {
    const space = await this.repos.spaces.findBySlug(slug);
    if (!space) return null;
    const { hearingRadiusTiles, leaveRadiusTiles, maxConversationSize, meetupHosts } = space.settings ?? {};
    return { hearingRadiusTiles, leaveRadiusTiles, maxConversationSize, meetupHosts };
  }
}
