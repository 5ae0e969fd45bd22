import type { Config } from "../config";
import type { ServerDeps } from "../deps";
import type { Logger } from "../log";

/**
 * What rooms need from the composition root. Colyseus constructs rooms itself,
 * so startServer publishes these here before defining the room type.
 * One server per process (Colyseus's matchmaker is process-wide too).
 */
export interface RoomServices {
  deps: ServerDeps;
  config: Pick<Config, "patchRateHz" | "maxMessageBytes" | "reconnectSeconds" | "ice" | "media" | "interestManagement" | "interestRadius">;
  log: Logger;
  /** How often a room saves everyone's position when a PresenceStore is given (they are also saved on leave). */
  presenceSaveMs: number;
}

let current: RoomServices | undefined;

export function setRoomServices(services: RoomServices | undefined): void {
  current = services;
}

export function roomServices(): RoomServices {
  if (!current) throw new Error("Room services are not set: start rooms through startServer()");
  return current;
}
