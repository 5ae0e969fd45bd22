import { randomUUID } from "node:crypto";
import { ErrorCode, ServerError } from "@colyseus/core";
import { joinOptionsSchema } from "../../shared/protocol/messages";
import type { Identity, IdentityProvider, JoinContext } from "../deps";

/** Human labels for join option fields, used in error messages people read. */
const FIELD_LABELS: Record<string, string> = { name: "Name", avatar: "Avatar", space: "Space", protocol: "Protocol" };

/**
 * Everyone is a guest: the identity comes from the join options alone. The
 * default until accounts exist; also what anonymous visitors get later.
 */
export class GuestIdentity implements IdentityProvider {
  async authenticateJoin(options: unknown, _context: JoinContext): Promise<Identity> {
    const join = parseJoinOptions(options);
    return { memberId: `guest-${randomUUID()}`, name: join.name, avatar: join.avatar, role: "guest", space: join.space };
  }
}

/**
 * Validates join options, throwing a ServerError whose message names the field
 * and the problem ("Name must not contain control characters").
 */
export function parseJoinOptions(options: unknown) {
  const result = joinOptionsSchema.safeParse(options ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue?.path[0] ?? "");
  const label = FIELD_LABELS[field] ?? (field || "Join options");
  const problem =
    issue?.code === "invalid_value" && field === "avatar"
      ? "must be one of the offered avatars"
      : issue?.code === "invalid_type"
        ? "is missing or has the wrong type"
        : (issue?.message ?? "is invalid");
  throw new ServerError(ErrorCode.AUTH_FAILED, `${label} ${problem}`);
}
