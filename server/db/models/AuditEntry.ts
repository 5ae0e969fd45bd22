import { Schema, type Connection, type Model, type Types } from "mongoose";

/** One admin action in a space: who did what, to whom, when. Entries are only ever added. */
export interface AuditEntryDoc {
  _id: Types.ObjectId;
  space: Types.ObjectId;
  /** Who acted; null for the server itself (e.g. seeding). */
  actor: Types.ObjectId | null;
  actorName: string;
  /** A short verb such as "settings.change" or "member.ban" (see server/admin/auditActions.ts). */
  action: string;
  /** The person or thing acted on, by name, when there is one. */
  target: string;
  /** What changed, in words people read on the admin page. */
  detail: string;
  at: Date;
}

export const auditEntrySchema = new Schema<AuditEntryDoc>(
  {
    space: { type: Schema.Types.ObjectId, ref: "Space", required: true },
    actor: { type: Schema.Types.ObjectId, ref: "Member", default: null },
    actorName: { type: String, required: true, maxlength: 64 },
    action: { type: String, required: true, maxlength: 40 },
    target: { type: String, default: "", maxlength: 120 },
    detail: { type: String, default: "", maxlength: 500 },
    at: { type: Date, default: () => new Date() },
  },
  { versionKey: false },
);
auditEntrySchema.index({ space: 1, at: -1 });

export type AuditEntryModel = Model<AuditEntryDoc>;

export function auditEntryModel(connection: Connection): AuditEntryModel {
  return (connection.models.AuditEntry as AuditEntryModel | undefined) ?? connection.model<AuditEntryDoc>("AuditEntry", auditEntrySchema);
}
