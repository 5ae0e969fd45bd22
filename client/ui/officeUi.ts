import type { OfficeMap, Point } from "../../shared/map/types";
import type { ClientMessages } from "../../shared/protocol/messages";
import type { OfficeState } from "../state/OfficeState";

/**
 * What every panel is handed at composition (main.ts): the state to render
 * from and the few ways to act. Panels never find each other; what one needs
 * from another goes through the state or through these.
 */
export interface OfficeUi {
  state: OfficeState;
  map: OfficeMap;
  send<K extends keyof ClientMessages>(type: K, payload: ClientMessages[K]): void;
  /** Walks along a path to a map point; false when there is no way. */
  walkTo(point: Point): boolean;
  /** Says something politely to screen readers. */
  announce(text: string): void;
}
