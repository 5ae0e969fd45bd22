import type * as Phaser from "phaser";
import type { Direction, OfficeMap } from "../../shared/map/types";
import type { OfficeConnection } from "../net/OfficeConnection";
import type { DeskOwner } from "../net/types";
import { DEPTH } from "./depths";

/** The owner's name on each desk that belongs to someone, drawn over the desk itself. */

const TOWARD: Record<Direction, { dx: number; dy: number }> = {
  up: { dx: 0, dy: -1 },
  down: { dx: 0, dy: 1 },
  left: { dx: -1, dy: 0 },
  right: { dx: 1, dy: 0 },
};

export class DeskLabels {
  private readonly labels = new Map<string, Phaser.GameObjects.Text>();
  private readonly off: () => void;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly map: OfficeMap,
    connection: OfficeConnection,
  ) {
    this.off = connection.events.on("desks", (owners) => this.show(owners));
    this.show(connection.deskOwners());
  }

  dispose(): void {
    this.off();
    for (const label of this.labels.values()) label.destroy();
    this.labels.clear();
  }

  private show(owners: DeskOwner[]): void {
    const wanted = new Map(owners.map((o) => [o.deskId, o.ownerName]));
    for (const [deskId, label] of this.labels) {
      if (!wanted.has(deskId)) {
        label.destroy();
        this.labels.delete(deskId);
      }
    }
    for (const [deskId, name] of wanted) {
      const desk = this.map.desks.find((d) => d.id === deskId);
      if (!desk) continue;
      let label = this.labels.get(deskId);
      if (!label) {
        // Over the desk the seat faces, one tile from the seat.
        const t = TOWARD[desk.facing];
        const x = desk.x + t.dx * this.map.tileSize;
        const y = desk.y + t.dy * this.map.tileSize - this.map.tileSize / 2;
        label = this.scene.add
          .text(x, y, "", { fontFamily: "system-ui, sans-serif", fontSize: "8px", color: "#fef3c7", backgroundColor: "rgba(120, 53, 15, 0.8)", padding: { x: 2, y: 0 }, resolution: 2 })
          .setOrigin(0.5, 0.5)
          .setDepth(DEPTH.above + 1);
        this.labels.set(deskId, label);
      }
      const text = `${name}'s desk`;
      if (label.text !== text) label.setText(text);
    }
  }
}
