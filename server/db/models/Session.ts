import { Schema, type Connection, type Model, type Types } from "mongoose";

/**
 * A signed-in browser or client. The session token names it by a random id;
 * only the id's SHA-256 is stored, so a database leak hands out no sessions.
 * Deleting the record ends the session wherever its token is held.
 */
export interface SessionDoc {
  /** sha256 (hex) of the session id the token carries. */
  _id: string;
  member: Types.ObjectId;
  createdAt: Date;
  /** Idle deadline: moved forward as the session is used (sliding renewal). */
  expiresAt: Date;
  /** Hard deadline: sign in again after this, however active the session was. */
  endsAt: Date;
}

export const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    member: { type: Schema.Types.ObjectId, ref: "Member", required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// Expired sessions are removed by the database (TTL monitor); lookups also check the dates.
sessionSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
sessionSchema.index({ member: 1 });

export type SessionModel = Model<SessionDoc>;

export function sessionModel(connection: Connection): SessionModel {
  return (connection.models.Session as SessionModel | undefined) ?? connection.model<SessionDoc>("Session", sessionSchema);
}
