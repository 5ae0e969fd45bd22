import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import type { ServerMessages } from "../../../shared/protocol/messages";
import type { KnockOutcome } from "../../../shared/protocol/statusMessages";
import { KNOCK_REFUSAL_TEXT, KnockBook, type Knock } from "../../../shared/status/KnockBook";
import type { RoomContext } from "../../rooms/RoomFeature";
import type { StatusService } from "../status/StatusService";
import { KnockPins, type ConversationPins } from "./KnockPins";

/** Lapsed knocks are looked for this often (they last a minute; a second late is fine). */
const EXPIRE_EVERY_MS = 1000;

/**
 * Knocking on a busy or focused person's door: they get a notice with the
 * knocker's name and accept (a conversation with just the two of them starts)
 * or decline. Who may knock whom is KnockBook's (shared/status) rule.
 */
export class KnockService {
  private readonly book = new KnockBook();
  private readonly pins: KnockPins;
  private lastExpiry = 0;

  constructor(
    private readonly context: RoomContext,
    private readonly status: StatusService,
    conversations: () => ConversationPins | null,
    private readonly now: () => number = Date.now,
  ) {
    this.pins = new KnockPins(context, conversations);
  }

  register(): void {
    const { guard } = this.context;
    guard.on(ClientMessage.Knock, (client, { to }, reject) => {
      const target = this.status.statusOf(to);
      if (target === null) return reject("that person is not here");
      const result = this.book.request(client.sessionId, to, target, this.now());
      if (!result.ok) return reject(KNOCK_REFUSAL_TEXT[result.reason]);
      const knock: ServerMessages[typeof ServerMessage.Knock] = { from: client.sessionId, name: this.nameOf(client.sessionId) };
      this.context.client(to)?.send(ServerMessage.Knock, knock);
    });
    guard.on(ClientMessage.KnockAnswer, (client, { from, accept }, reject) => {
      const answer = this.book.answer(client.sessionId, from, accept, this.now());
      if (!answer) return reject("that knock is no longer waiting");
      if (answer === "accepted") this.pins.pin(client.sessionId, from);
      this.tellKnocker({ from, to: client.sessionId, at: 0 }, answer);
    });
    // Someone who goes away cannot answer: the knocks on their door lapse now.
    this.status.onListen((sessionId, status) => {
      if (status !== "away") return;
      for (const knock of this.book.forget(sessionId)) this.close(knock, "gone");
    });
  }

  onLeave(sessionId: string): void {
    for (const knock of this.book.forget(sessionId)) this.close(knock, "gone");
    this.pins.forget(sessionId);
  }

  tick(): void {
    this.pins.tick();
    const now = this.now();
    if (now - this.lastExpiry < EXPIRE_EVERY_MS) return;
    this.lastExpiry = now;
    for (const knock of this.book.expire(now)) this.close(knock, "expired");
  }

  dispose(): void {
    this.pins.dispose();
  }

  /** A knock ended without an answer: hide the notice at the door and tell the knocker. */
  private close(knock: Knock, outcome: KnockOutcome): void {
    const closed: ServerMessages[typeof ServerMessage.KnockClosed] = { from: knock.from, outcome };
    this.context.client(knock.to)?.send(ServerMessage.KnockClosed, closed);
    this.tellKnocker(knock, outcome);
  }

  private tellKnocker(knock: Knock, outcome: KnockOutcome): void {
    const result: ServerMessages[typeof ServerMessage.KnockResult] = { to: knock.to, name: this.nameOf(knock.to), outcome };
    this.context.client(knock.from)?.send(ServerMessage.KnockResult, result);
  }

  private nameOf(sessionId: string): string {
    return this.context.state.members.get(sessionId)?.name ?? "";
  }
}
