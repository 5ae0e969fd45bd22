import type { MediaServerConfig } from "../config";
import type { Logger } from "../log";
import { JanusSession } from "./JanusSession";
import { VIDEOROOM } from "./JanusParticipant";
import { VideoRooms } from "./VideoRooms";

/**
 * An office room's link to Janus: one API session with a control handle for
 * its VideoRooms, connected when the room opens. While Janus cannot be
 * reached it says why (`problem`) and tries again in the background, so the
 * room falls back to peer to peer instead of waiting on it.
 */

export interface JanusLink {
  session: JanusSession;
  rooms: VideoRooms;
}

export interface JanusMediaOptions {
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  retryMs?: number;
}

export class JanusMedia {
  private link: JanusLink | null = null;
  private connecting: Promise<JanusLink | null> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** Why Janus is not usable right now, in words; null while it is. */
  problem: string | null = "The media server is not connected yet.";
  private readonly changeListeners = new Set<() => void>();

  constructor(
    private readonly config: Required<Pick<MediaServerConfig, "janusUrl" | "janusApiSecret">> & Pick<MediaServerConfig, "janusAdminKey">,
    private readonly log: Logger,
    private readonly options: JanusMediaOptions = {},
  ) {}

  get current(): JanusLink | null {
    return this.link;
  }

  /** Called when Janus becomes usable or stops being so. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Connects (once at a time); resolves with the link, or null when Janus is unreachable (then retries later). */
  connect(): Promise<JanusLink | null> {
    if (this.link) return Promise.resolve(this.link);
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.link?.session.close();
    this.link = null;
  }

  private async open(): Promise<JanusLink | null> {
    try {
      const session = await JanusSession.connect(this.config.janusUrl, this.config.janusApiSecret, {
        connectTimeoutMs: this.options.connectTimeoutMs ?? 3000,
        requestTimeoutMs: this.options.requestTimeoutMs ?? 10_000,
      });
      if (this.closed) {
        session.close();
        return null;
      }
      const control = await session.attach(VIDEOROOM);
      const link = { session, rooms: new VideoRooms(control, this.config.janusAdminKey) };
      session.onClosed((reason) => {
        if (this.link !== link) return;
        this.link = null;
        this.down(`The media server connection was lost (${reason}).`);
      });
      this.link = link;
      this.problem = null;
      this.emit();
      return link;
    } catch (error) {
      this.down(`The media server is unreachable (${(error as Error).message}).`);
      return null;
    }
  }

  private down(problem: string): void {
    if (this.closed) return;
    this.log.warn(`${problem} Calls stay peer to peer until it is back.`);
    this.problem = problem;
    this.emit();
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.options.retryMs ?? 15_000);
    this.retry.unref?.();
  }

  private emit(): void {
    for (const listener of this.changeListeners) listener();
  }
}
