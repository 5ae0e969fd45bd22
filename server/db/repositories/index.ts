import type { Models } from "../models";
import { AuditRepository } from "./AuditRepository";
import { BanRepository } from "./BanRepository";
import { ChatRepository } from "./ChatRepository";
import { InviteRepository } from "./InviteRepository";
import { MapRepository } from "./MapRepository";
import { MeetupRepository } from "./MeetupRepository";
import { MemberRepository } from "./MemberRepository";
import { SpaceRepository } from "./SpaceRepository";

export interface Repositories {
  spaces: SpaceRepository;
  maps: MapRepository;
  members: MemberRepository;
  invites: InviteRepository;
  chat: ChatRepository;
  meetups: MeetupRepository;
  bans: BanRepository;
  audit: AuditRepository;
}

export function createRepositories(models: Models): Repositories {
  return {
    spaces: new SpaceRepository(models),
    maps: new MapRepository(models),
    members: new MemberRepository(models),
    invites: new InviteRepository(models),
    chat: new ChatRepository(models),
    meetups: new MeetupRepository(models),
    bans: new BanRepository(models),
    audit: new AuditRepository(models),
  };
}
