import { ClientMessage } from "../../../shared/protocol/names";
import type { OfficeUi } from "../officeUi";

/** Lock or unlock the private zone we stand in (one button, saying which); knock on locked zones elsewhere. */
export function ZoneLockControls({ ui }: { ui: OfficeUi }) {
  const here = ui.state.selfZone.value;
  const locked = ui.state.zoneLocks.value;
  const zone = ui.map.zones.find((z) => z.name === here);
  const isLocked = !!zone && locked.some((l) => l.zoneId === zone.id);
  const knockable = locked.filter((l) => l.zoneName !== here);
  if (zone?.type !== "private" && knockable.length === 0) return null;
  return (
    <div class="zone-lock" data-zone-lock="" data-locked-zones={locked.map((l) => l.zoneName).join(",")}>
      {zone?.type === "private" && (
        <button type="button" aria-pressed={isLocked} onClick={() => ui.send(ClientMessage.ZoneLock, { locked: !isLocked })}>
          {isLocked ? `Unlock ${zone.name}` : `Lock ${zone.name}`}
        </button>
      )}
      {knockable.map((l) => (
        <button key={l.zoneId} type="button" onClick={() => ui.send(ClientMessage.ZoneKnock, { zoneId: l.zoneId })}>
          Knock on {l.zoneName}
        </button>
      ))}
    </div>
  );
}
