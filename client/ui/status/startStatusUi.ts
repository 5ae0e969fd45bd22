import type { OfficeMap } from "../../../shared/map/types";
import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import { DeskControls } from "./DeskControls";
import { el } from "../dom";
import { IdleWatcher } from "./IdleWatcher";
import { KnockList } from "./KnockList";
import { Notices } from "./Notices";
import { StatusMenu } from "./StatusMenu";

/**
 * The status dock (issue 5): status menu, desk controls, people to knock on,
 * notifications, and idle detection for auto-away. Returns its disposer.
 */
export function startStatusUi(options: { connection: OfficeConnection; map: OfficeMap; host: HTMLElement }): () => void {
  const { connection, map, host } = options;
  const menu = new StatusMenu(connection);
  const desks = new DeskControls(connection, map);
  const knocks = new KnockList(connection);
  const notices = new Notices(connection);
  menu.root.append(desks.root);
  const dock = el("aside", { class: "status-dock", "data-status-dock": "" }, notices.root, menu.root, knocks.root);
  host.append(dock);
  const idle = new IdleWatcher((isIdle) => connection.send(ClientMessage.SetIdle, { idle: isIdle }));
  const offStatus = connection.events.on("status", (s) => s === "connected" && idle.resend());
  return () => {
    offStatus();
    idle.dispose();
    for (const part of [menu, desks, knocks, notices]) part.dispose();
    dock.remove();
  };
}
