import type { RoomContext, RoomFeature } from "../../rooms/RoomFeature";
import { roomMetricsEnabled, trackRoom, untrackRoom } from "./RoomMetrics";

/**
 * Times the room's simulation tick and patch when METRICS is on, by wrapping
 * the two Room methods Colyseus calls for them. Features are created before
 * OfficeRoom starts its simulation interval, so the wrapper sees that call.
 * Off (the default), it changes nothing.
 */
export function createMetricsFeature(context: RoomContext): RoomFeature {
  if (!roomMetricsEnabled()) return {};
  const room = context.room;
  const timings = trackRoom(context.space, () => room.clients.length);

  const setSimulationInterval = room.setSimulationInterval.bind(room);
  room.setSimulationInterval = (callback, delay) =>
    setSimulationInterval(
      callback &&
        ((deltaTime: number) => {
          const started = performance.now();
          const cpu = process.cpuUsage();
          callback(deltaTime);
          timings.tick.record(performance.now() - started);
          const used = process.cpuUsage(cpu);
          timings.tickCpu.record((used.user + used.system) / 1000);
        }),
      delay,
    );

  const broadcastPatch = room.broadcastPatch.bind(room);
  room.broadcastPatch = () => {
    const started = performance.now();
    const changed = broadcastPatch();
    timings.patch.record(performance.now() - started);
    return changed;
  };

  return { dispose: () => untrackRoom(timings) };
}
