import type { ServerMessages } from "../../../shared/protocol/messages";
import type { ServerMessage } from "../../../shared/protocol/names";
import type { ScreenSharer } from "../../../shared/protocol/screenMessages";

export type ScreenSharesMessage = ServerMessages[typeof ServerMessage.ScreenShares];

/** What the share book reads of the room (the conversation system, zones and connections fit). */
export interface ShareView {
  groupOf(sessionId: string): string | undefined;
  /** Their role on a stage, null when not on one. */
  stageRoleOf(sessionId: string): "speaker" | "listener" | null;
  /** The zone they stand in, null outside every zone. */
  zoneOf(sessionId: string): number | null;
  connected(sessionId: string): boolean;
}

/** Delivers a message to a session; false when it is not connected right now. */
export type SendShares = (sessionId: string, message: ScreenSharesMessage) => boolean;

interface Share {
  stream: string;
  /** The zone the share started in: walking out of it (or into one) ends the share. */
  zone: number | null;
}

export const NOT_IN_CONVERSATION = "You can share your screen only in a conversation: walk up to someone first.";
export const LISTENERS_DO_NOT_SHARE = "On a stage only the speakers can share their screen.";

const NOBODY = JSON.stringify({ sharers: [] });

/**
 * Who shares a screen, per conversation. A share belongs to its sharer and
 * follows them while they stay in a conversation (two conversations merging
 * do not end it, the newcomers see it), and ends when they leave every
 * conversation, change zone, become a stage listener, drop their connection
 * or leave. Each member is told their conversation's sharers only when that
 * list changed, so the 10 Hz update costs nothing while nothing happens.
 */
export class ScreenShares {
  private readonly shares = new Map<string, Share>();
  /** What each session was last told, as JSON. */
  private readonly told = new Map<string, string>();
  /** Nobody shared at the last update and nobody awaits a resend: updates have nothing to do. */
  private quiet = true;

  constructor(
    private readonly view: ShareView,
    private readonly send: SendShares,
  ) {}

  /** Starts (or moves to another stream) a share; returns why not, or null when it started. */
  start(sessionId: string, stream: string): string | null {
    if (this.view.groupOf(sessionId) === undefined) return NOT_IN_CONVERSATION;
    if (this.view.stageRoleOf(sessionId) === "listener") return LISTENERS_DO_NOT_SHARE;
    this.shares.set(sessionId, { stream, zone: this.view.zoneOf(sessionId) });
    this.quiet = false;
    return null;
  }

  /** Ends a share; nothing happens when there is none. */
  stop(sessionId: string): void {
    this.shares.delete(sessionId);
  }

  isSharing(sessionId: string): boolean {
    return this.shares.has(sessionId);
  }

  /** Ends the shares that lost their right and tells everyone whose conversation's list changed. */
  update(members: Iterable<string>): void {
    if (this.quiet && this.shares.size === 0) return;
    for (const [id, share] of this.shares) {
      const group = this.view.groupOf(id);
      if (
        group === undefined ||
        this.view.stageRoleOf(id) === "listener" ||
        this.view.zoneOf(id) !== share.zone ||
        !this.view.connected(id)
      ) {
        this.shares.delete(id);
      }
    }
    const byGroup = new Map<string, ScreenSharer[]>();
    for (const [id, share] of this.shares) {
      const group = this.view.groupOf(id)!;
      let list = byGroup.get(group);
      if (!list) byGroup.set(group, (list = []));
      list.push({ id, stream: share.stream });
    }
    for (const list of byGroup.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const id of members) {
      const group = this.view.groupOf(id);
      this.tell(id, { sharers: (group !== undefined && byGroup.get(group)) || [] });
    }
    // Everyone has now heard that the last share ended: until the next one, nothing changes.
    this.quiet = this.shares.size === 0;
  }

  /** The next update tells this session its list even if unchanged (after a reconnect it missed every change). */
  resend(sessionId: string): void {
    this.told.set(sessionId, "");
    this.quiet = false;
  }

  /** A member left for good. */
  forget(sessionId: string): void {
    this.shares.delete(sessionId);
    this.told.delete(sessionId);
  }

  private tell(sessionId: string, message: ScreenSharesMessage): void {
    const json = JSON.stringify(message);
    if (json === (this.told.get(sessionId) ?? NOBODY)) return;
    if (this.send(sessionId, message)) this.told.set(sessionId, json);
  }
}
