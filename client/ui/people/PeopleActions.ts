import type { Point } from "../../../shared/map/types";
import type { EmoteKind } from "../../../shared/chat/emotes";
import { ClientMessage, ServerMessage } from "../../../shared/protocol/names";
import type { OfficeView } from "../../scenes/OfficeScene";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { Disposables, Emitter } from "../../util/Emitter";

/**
 * What people can do with each other: locate (pan and show the way), walk to,
 * follow, wave, ring, emote. Positions come from the server on request, since
 * someone far away may not be streamed to this page (interest management).
 */
export type ActionEvents = {
  /** Following someone started (their session id) or stopped (null). */
  following: [id: string | null];
};

export class PeopleActions {
  readonly events = new Emitter<ActionEvents>();
  private readonly disposables = new Disposables();
  private followingId: string | null = null;

  constructor(
    private readonly connection: OfficeConnection,
    private readonly view: () => OfficeView | null,
    /** Walking by hand (keys or joystick) ends following, as it ends click-to-walk. */
    onWalkByHand: (listener: () => void) => () => void,
  ) {
    this.disposables.add(onWalkByHand(() => this.stopFollowing()));
    const messages = connection.messages;
    this.disposables.add(
      messages.on(ServerMessage.Located, (at) => {
        const point: Point = { x: at.x, y: at.y };
        if (at.purpose === "locate") this.view()?.lookAt(point);
        else if (at.purpose === "walk") this.view()?.walkTo(point);
        else if (at.purpose === "follow" && at.id === this.followingId) this.view()?.walkTo(point);
      }),
    );
    this.disposables.add(
      messages.on(ServerMessage.FollowEnded, ({ id }) => {
        if (id === this.followingId) this.setFollowing(null);
      }),
    );
  }

  get following(): string | null {
    return this.followingId;
  }

  locate(id: string): void {
    this.connection.send(ClientMessage.Locate, { to: id, purpose: "locate" });
  }

  walkTo(id: string): void {
    this.stopFollowing();
    this.connection.send(ClientMessage.Locate, { to: id, purpose: "walk" });
  }

  follow(id: string): void {
    this.connection.send(ClientMessage.Follow, { to: id });
    this.setFollowing(id);
  }

  stopFollowing(): void {
    if (!this.followingId) return;
    this.connection.send(ClientMessage.Follow, { to: null });
    this.setFollowing(null);
  }

  wave(id: string): void {
    this.connection.send(ClientMessage.Wave, { to: id });
  }

  ring(id: string): void {
    this.connection.send(ClientMessage.Ring, { to: id });
  }

  emote(kind: EmoteKind): void {
    this.connection.send(ClientMessage.Emote, { kind });
  }

  dispose(): void {
    this.disposables.dispose();
    this.events.clear();
  }

  private setFollowing(id: string | null): void {
    this.followingId = id;
    this.events.emit("following", id);
  }
}
