import type { Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { roomServices } from "../../rooms/roomServices";
import type { MemberState } from "../../schema/MemberState";
import { InterestGrid, type Watcher } from "./InterestGrid";
import { SELF_TAG, tagPositionFields } from "./positionTags";

// Tags must exist before any room builds its encoder; this module loads with the room features.
tagPositionFields();

/** Plain `@view()` tag; passed explicitly with checkIncludeParent=false (see add()). */
const DEFAULT_VIEW_TAG = -1;

interface Viewer {
  readonly state: MemberState;
  /** Per member rather than per socket: a reconnecting client takes it over. */
  readonly view: StateView;
  watcher: Watcher<Viewer> | null;
}

/**
 * Interest management: each client's StateView holds itself and the people
 * within `interestRadius`, so only their position fields reach it. Everyone
 * stays in everyone's members map with name, status and zone. With
 * INTEREST_MANAGEMENT=false every view holds everyone (the old behaviour, kept
 * for benchmarks and as an escape hatch).
 */
export function createInterestFeature(_context: RoomContext): RoomFeature {
  const { interestManagement, interestRadius } = roomServices().config;
  const viewers = new Map<string, Viewer>();
  // A flat list for the tick loop: iterating it allocates nothing.
  const list: Viewer[] = [];
  const grid = InterestGrid.forRadius<Viewer>(
    interestRadius,
    {
      enter(a, b) {
        show(a.view, b.state);
        show(b.view, a.state);
      },
      leave(a, b) {
        a.view.remove(b.state);
        b.view.remove(a.state);
      },
    },
    !interestManagement,
  );

  return {
    onJoin(client: Client, member: MemberState) {
      const viewer: Viewer = { state: member, view: new StateView(), watcher: null };
      show(viewer.view, member);
      viewer.view.add(member, SELF_TAG, false);
      client.view = viewer.view;
      viewers.set(member.id, viewer);
      list.push(viewer);
      viewer.watcher = grid.add(viewer, member.x, member.y);
    },
    onReconnect(client: Client, member: MemberState) {
      const viewer = viewers.get(member.id);
      if (viewer) client.view = viewer.view;
    },
    onLeave(sessionId: string) {
      const viewer = viewers.get(sessionId);
      if (!viewer) return;
      viewers.delete(sessionId);
      const at = list.indexOf(viewer);
      if (at >= 0) {
        list[at] = list[list.length - 1];
        list.pop();
      }
      if (viewer.watcher) grid.remove(viewer.watcher);
    },
    tick() {
      for (let i = 0; i < list.length; i++) {
        const viewer = list[i];
        if (viewer.watcher) grid.move(viewer.watcher, viewer.state.x, viewer.state.y);
      }
    },
    dispose() {
      viewers.clear();
      list.length = 0;
    },
  };

  /**
   * checkIncludeParent=false: the members map is not filtered, so its entry is
   * already visible; letting StateView re-add it would resend the entry (key
   * and all) on every enter.
   */
  function show(view: StateView, member: MemberState): void {
    view.add(member, DEFAULT_VIEW_TAG, false);
  }
}
