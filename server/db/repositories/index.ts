import type { Models } from "../models";
import { ChatRepository } from "./ChatRepository";
import { InviteRepository } from "./InviteRepository";
import { MapRepository } from "./MapRepository";
import { MapAssetRepository } from "./MapAssetRepository";
import { MeetupRepository } from "./MeetupRepository";
import { MemberRepository } from "./MemberRepository";
import { SpaceRepository } from "./SpaceRepository";

export interface Repositories {
  spaces: SpaceRepository;
  maps: MapRepository;
  mapAssets: MapAssetRepository;
  members: MemberRepository;
  invites: InviteRepository;
  chat: ChatRepository;
  meetups: MeetupRepository;
}

export function createRepositories(models: Models): Repositories {
  return {
    spaces: new SpaceRepository(models),
    maps: new MapRepository(models),
    mapAssets: new MapAssetRepository(models),
    members: new MemberRepository(models),
    invites: new InviteRepository(models),
    chat: new ChatRepository(models),
    meetups: new MeetupRepository(models),
  };
}
