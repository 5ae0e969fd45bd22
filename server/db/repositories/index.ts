import type { Models } from "../models";
import { AuditRepository } from "./AuditRepository";
import { BanRepository } from "./BanRepository";
import { ChatRepository } from "./ChatRepository";
import { InviteRepository } from "./InviteRepository";
import { MapRepository } from "./MapRepository";
import { MeetupRepository } from "./MeetupRepository";
import { MemberRepository } from "./MemberRepository";
import { SessionRepository } from "./SessionRepository";
import { SpaceRepository } from "./SpaceRepository";

export interface Repositories {
  spaces: SpaceRepository;
  maps: MapRepository;
  members: MemberRepository;
  invites: InviteRepository;
  chat: ChatRepository;
  meetups: MeetupRepository;
  sessions: SessionRepository;
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
    sessions: new SessionRepository(models),
    bans: new BanRepository(models),
    audit: new AuditRepository(models),
  };
}
