import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { createPrivateZonesFeature } from "../privateZones/privateZonesFeature";
import { createStageFeature } from "../stage/stageFeature";
import { createMeetupsFeature } from "./meetupsFeature";

/**
 * Issue 6 as one room feature: stages (one-way talks), private-zone locks
 * and meetups, in that order (meetups use both). Must follow the
 * conversation feature, whose conversations the stage takes over.
 */
export async function meetupFeatures(context: RoomContext): Promise<RoomFeature> {
  const parts: RoomFeature[] = [createStageFeature(context), createPrivateZonesFeature(context), await createMeetupsFeature(context)];
  return {
    async onJoin(client, member, identity) {
      for (const p of parts) await p.onJoin?.(client, member, identity);
    },
    onReconnect(client, member) {
      for (const p of parts) p.onReconnect?.(client, member);
    },
    async onLeave(sessionId, member) {
      for (const p of parts) await p.onLeave?.(sessionId, member);
    },
    tick() {
      for (const p of parts) p.tick?.();
    },
    roleChanged(sessionId, member, role) {
      for (const p of parts) p.roleChanged?.(sessionId, member, role);
    },
    settingsChanged(settings) {
      for (const p of parts) p.settingsChanged?.(settings);
    },
    async dispose() {
      for (const p of [...parts].reverse()) await p.dispose?.();
    },
  };
}
