import { randomBytes, randomInt } from "node:crypto";
import type { JanusHandle } from "./JanusSession";

/**
 * The VideoRooms one office room holds in Janus, one per conversation that
 * goes through the media server, created on first use and destroyed when it
 * empties. Each is private (not listed), has a random number, a random pin
 * every join must give and a random secret that edits, kicks and destroys
 * need; all three stay on this server. Only the server's own handles join.
 */

export interface VideoRoomAccess {
  room: number;
  pin: string;
  /** Kicking and destroying need it. */
  secret: string;
}

export interface VideoRoomOptions {
  description: string;
  /** Most publishers at once (speakers on a stage; everyone in a meeting room). */
  publishers: number;
}

export interface Participant {
  id: number;
  display?: string;
  publisher: boolean;
}

/** Per publisher; Janus asks senders (REMB) to stay below it. */
const PUBLISHER_BITRATE = 512_000;

export class VideoRooms {
  private readonly rooms = new Map<string, Promise<VideoRoomAccess>>();

  constructor(
    private readonly control: JanusHandle,
    private readonly adminKey?: string,
  ) {}

  /** The room of this key, created in Janus if it is not there yet. */
  ensure(key: string, options: VideoRoomOptions): Promise<VideoRoomAccess> {
    let access = this.rooms.get(key);
    if (!access) {
      access = this.create(options);
      this.rooms.set(key, access);
      // A failed create is forgotten, so the next attempt tries again.
      access.catch(() => {
        if (this.rooms.get(key) === access) this.rooms.delete(key);
      });
    }
    return access;
  }

  has(key: string): boolean {
    return this.rooms.has(key);
  }

  keys(): string[] {
    return [...this.rooms.keys()];
  }

  async destroy(key: string): Promise<void> {
    const access = this.rooms.get(key);
    if (!access) return;
    this.rooms.delete(key);
    const { room, secret } = await access;
    await this.control.request({ request: "destroy", room, secret }).catch(() => undefined);
  }

  /** Who is in a room, as Janus sees it (tests and checks). */
  async participants(key: string): Promise<Participant[]> {
    const access = this.rooms.get(key);
    if (!access) return [];
    const { room } = await access;
    const reply = await this.control.request({ request: "listparticipants", room });
    return ((reply.data.participants ?? []) as Participant[]).map((p) => ({ id: p.id, display: p.display, publisher: p.publisher }));
  }

  private async create(options: VideoRoomOptions): Promise<VideoRoomAccess> {
    for (let attempt = 0; ; attempt++) {
      const access = { room: randomInt(1, 2 ** 47), pin: randomBytes(18).toString("base64url"), secret: randomBytes(18).toString("base64url") };
      try {
        await this.control.request({
          request: "create",
          ...(this.adminKey ? { admin_key: this.adminKey } : {}),
          room: access.room,
          description: options.description.slice(0, 64),
          pin: access.pin,
          secret: access.secret,
          is_private: true,
          publishers: options.publishers,
          bitrate: PUBLISHER_BITRATE,
          audiocodec: "opus",
          videocodec: "vp8",
          notify_joining: false,
          require_pvtid: false,
          permanent: false,
          fir_freq: 5,
        });
        return access;
      } catch (error) {
        // 427 = that room number exists already (another process picked it): draw again.
        if ((error as { code?: number }).code !== 427 || attempt >= 3) throw error;
      }
    }
  }
}
