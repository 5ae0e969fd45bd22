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

  // The room sends its patch from inside the tick: the tick's figures leave the patch out, so
  // "tick" stays the simulation and "patch" the sending, as before.
  let patchMs = 0;
  let patchCpuMs = 0;
  const setSimulationInterval = room.setSimulationInterval.bind(room);
  room.setSimulationInterval = (callback, delay) =>
    setSimulationInterval(
      callback &&
        ((deltaTime: number) => {
          const started = performance.now();
          const cpu = process.cpuUsage();
          patchMs = 0;
          patchCpuMs = 0;
          callback(deltaTime);
          timings.tick.record(performance.now() - started - patchMs);
          const used = process.cpuUsage(cpu);
          timings.tickCpu.record((used.user + used.system) / 1000 - patchCpuMs);
        }),
      delay,
    );

  const broadcastPatch = room.broadcastPatch.bind(room);
  room.broadcastPatch = () => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const changed = broadcastPatch();
    const took = performance.now() - started;
    const used = process.cpuUsage(cpu);
    timings.patch.record(took);
    patchMs += took;
    patchCpuMs += (used.user + used.system) / 1000;
    return changed;
  };

  return { dispose: () => untrackRoom(timings) };
}
