import type { Connection } from "mongoose";
import { auditEntryModel, type AuditEntryModel } from "./AuditEntry";
import { chatMessageModel, type ChatMessageModel } from "./ChatMessage";
import { deviceBanModel, type DeviceBanModel } from "./DeviceBan";
import { inviteModel, type InviteModel } from "./Invite";
import { mapModel, type MapModel } from "./Map";
import { meetupModel, type MeetupModel } from "./Meetup";
import { memberModel, type MemberModel } from "./Member";
import { sessionModel, type SessionModel } from "./Session";
import { spaceModel, type SpaceModel } from "./Space";

export interface Models {
  Space: SpaceModel;
  Map: MapModel;
  Member: MemberModel;
  Invite: InviteModel;
  ChatMessage: ChatMessageModel;
  Meetup: MeetupModel;
  Session: SessionModel;
  AuditEntry: AuditEntryModel;
  DeviceBan: DeviceBanModel;
}

/**
 * Registers the models on one connection (not the global mongoose), so tests
 * and tools can hold several databases at once, and builds their indexes before
 * anything relies on unique constraints.
 */
export async function createModels(connection: Connection): Promise<Models> {
  const models: Models = {
    Space: spaceModel(connection),
    Map: mapModel(connection),
    Member: memberModel(connection),
    Invite: inviteModel(connection),
    ChatMessage: chatMessageModel(connection),
    Meetup: meetupModel(connection),
    Session: sessionModel(connection),
    AuditEntry: auditEntryModel(connection),
    DeviceBan: deviceBanModel(connection),
  };
  await Promise.all(Object.values(models).map((model) => model.createIndexes()));
  return models;
}
