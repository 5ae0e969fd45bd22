import { STATUS_LABELS, isPresenceStatus } from "../../../shared/status/statusKinds";

/** Words for a person's status, for lists, notices and screen readers. */

export interface StatusFields {
  status?: string;
  statusText?: string;
  seat?: string;
}

/** "Focus (do not disturb): writing", "Away", "" for someone plainly available. */
export function statusPhrase(member: StatusFields): string {
  const kind = isPresenceStatus(member.status) ? member.status : "available";
  const text = (member.statusText ?? "").trim();
  if (kind === "available") return text;
  return text ? `${STATUS_LABELS[kind]}: ${text}` : STATUS_LABELS[kind];
}

/** Appends the status to a line about someone, when there is anything to say. */
export function withStatus(line: string, member: StatusFields): string {
  const phrase = statusPhrase(member);
  return phrase ? `${line} — ${phrase}` : line;
}

/** "12:05 left" for the focus timer, rounded up to whole seconds; "0:00" once over. */
export function timeLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}
