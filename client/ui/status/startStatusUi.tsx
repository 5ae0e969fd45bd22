import { render } from "preact";
import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeConnection } from "../../net/OfficeConnection";
import type { OfficeUi } from "../officeUi";
import { DeskControls } from "./DeskControls";
import { IdleWatcher } from "./IdleWatcher";
import { KnockList } from "./KnockList";
import { Notices } from "./Notices";
import { StatusMenu } from "./StatusMenu";
import { statusChoice } from "./statusChoice";

/**
 * The status section (issue 5): status menu, desk controls, people to knock
 * on, and idle detection for auto-away; knock and focus-timer notices go to
 * the notice element given. Returns its disposer.
 */
export function startStatusUi(options: { ui: OfficeUi; connection: OfficeConnection; host: HTMLElement; notices: HTMLElement }): () => void {
  const { ui, connection, host } = options;
  const choice = statusChoice(ui);
  render(
    <div class="status-dock" data-status-dock="">
      <StatusMenu ui={ui} choice={choice} />
      <DeskControls ui={ui} />
      <KnockList ui={ui} />
    </div>,
    host,
  );
  const notices = new Notices(connection);
  options.notices.append(notices.root);
  const idle = new IdleWatcher((isIdle) => connection.send(ClientMessage.SetIdle, { idle: isIdle }));
  const offStatus = connection.events.on("status", (s) => s === "connected" && idle.resend());
  return () => {
    offStatus();
    choice.dispose();
    idle.dispose();
    notices.dispose();
    render(null, host);
  };
}
