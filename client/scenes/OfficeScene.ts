import * as Phaser from "phaser";
import type { OfficeMap, Point } from "../../shared/map/types";
import type { TiledMap } from "../../shared/map/tiledTypes";
import { findPath } from "../../shared/map/findPath";
import type { OfficeConnection } from "../net/OfficeConnection";
import { AvatarFactory, type TagRect } from "../systems/AvatarFactory";
import { CameraSystem } from "../systems/CameraSystem";
import { DeskLabels } from "../systems/DeskLabels";
import type { KeyboardIntent } from "../systems/KeyboardIntent";
import { PathPreview } from "../systems/PathPreview";
import { PlayerController } from "../systems/PlayerController";
import { RemoteAvatars } from "../systems/RemoteAvatars";
import { SeatControl } from "../systems/SeatControl";
import { createAvatarAnimations, preloadAvatars } from "../systems/avatarAnimations";
import { MapLayers, mapImageKey, mapImages, wantsTileChunks } from "../systems/MapLayers";
import { tilesetImageUrl } from "./tilesetUrls";

/**
 * The office map: loads art, lays out the tile layers in draw order and hands
 * everything else to systems. Render and input wiring only.
 */

export interface OfficeSession {
  connection: OfficeConnection;
  map: OfficeMap;
  tiled: TiledMap;
  /** Which way the person asks to walk (fed by the page's keymap and the touch joystick). */
  intent: KeyboardIntent;
  /** Called once the scene can report the local avatar's position. */
  onReady(view: OfficeView): void;
}

/** What the page (text view, test hook) may ask of the running scene. */
export interface OfficeView {
  selfPosition(): Point | null;
  /** Where a map point is drawn, in page (client) pixels. */
  clientPointOf(point: Point): Point;
  /** Walks the local avatar along the shortest free path (false when there is none). */
  walkTo(point: Point): boolean;
  /** Pans the camera to a point for a moment and shows the way there from you. */
  lookAt(point: Point): void;
  /** Sits at the nearest desk within reach, or stands up (the X shortcut). */
  toggleSeat(): void;
  /** Visible name tags (with status text) and figures as drawn, in page pixels, by owner (session id): emotes keep clear of them; tests check what covers what. */
  tagRects(): TagRect[];
  /** How the map is drawn: the renderer, and baked tile chunks per band (none with WebGL). */
  renderInfo(): { renderer: "canvas" | "webgl"; chunks: Record<string, number> };
}

const MAP_KEY = "office-map";

export class OfficeScene extends Phaser.Scene {
  private session!: OfficeSession;
  private player: PlayerController | null = null;
  private remotes: RemoteAvatars | null = null;
  private cameraSystem: CameraSystem | null = null;
  private factory: AvatarFactory | null = null;
  private keyboard: KeyboardIntent | null = null;
  private pathPreview: PathPreview | null = null;
  private seats: SeatControl | null = null;
  private deskLabels: DeskLabels | null = null;
  private mapLayers: MapLayers | null = null;

  constructor() {
    super({ key: "office" });
  }

  init(session: OfficeSession): void {
    this.session = session;
  }

  preload(): void {
    // Phaser's tilemap is only the `?tilechunks=off` comparison path; the map is otherwise drawn from the Tiled data itself.
    if (!wantsTileChunks(0, location.search)) this.load.tilemapTiledJSON(MAP_KEY, this.session.tiled);
    for (const image of mapImages(this.session.tiled)) {
      const url = tilesetImageUrl(image);
      if (url) this.load.image(mapImageKey(image), url);
    }
    preloadAvatars(this);
  }

  create(): void {
    const { map, tiled, connection } = this.session;
    this.mapLayers = new MapLayers(this, MAP_KEY, tiled, wantsTileChunks(this.game.renderer.type, location.search));
    createAvatarAnimations(this);

    this.factory = new AvatarFactory(this);
    this.keyboard = this.session.intent;
    this.player = new PlayerController(this, this.factory, connection, map, this.keyboard);
    this.remotes = new RemoteAvatars(this.factory, connection);
    const walker = this.player;
    this.seats = new SeatControl(connection, map, () => walker.position(), (point) => walker.walkTo(point));
    this.deskLabels = new DeskLabels(this, map, connection);
    const factory = this.factory;
    this.cameraSystem = new CameraSystem(this, map.width * map.tileSize, map.height * map.tileSize, (zoom) =>
      factory.setZoom(zoom),
    );
    this.followSelf();

    this.input.on(Phaser.Input.Events.POINTER_DOWN, (pointer: Phaser.Input.Pointer) => {
      if (pointer.button !== 0) return; // right/middle click: leave for context menus
      this.game.canvas.focus();
      const point = { x: Math.round(pointer.worldX), y: Math.round(pointer.worldY) };
      if (this.seats?.click(point)) return;
      this.player?.walkTo(point);
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.disposeSystems());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.disposeSystems());

    const player = this.player;
    this.session.onReady({
      selfPosition: () => player.position(),
      clientPointOf: (point) => this.clientPointOf(point),
      walkTo: (point) => player.walkTo(point),
      lookAt: (point) => this.lookAt(point),
      toggleSeat: () => this.seats?.toggle(),
      tagRects: () => this.tagRects(),
      renderInfo: () => ({
        renderer: this.game.renderer.type === Phaser.CANVAS ? "canvas" : "webgl",
        chunks: this.mapLayers?.bakedCounts() ?? {},
      }),
    });
  }

  override update(): void {
    this.player?.update(performance.now());
    this.remotes?.update();
    this.factory?.layoutTags();
    this.seats?.update(performance.now());
    this.followSelf();
    this.mapLayers?.update(this.cameras.main.worldView);
  }

  private lookAt(point: Point): void {
    this.cameraSystem?.lookAt(point);
    const self = this.player?.position();
    const path = self ? findPath(this.session.map, self, point) : null;
    this.pathPreview ??= new PathPreview(this);
    if (path && path.length > 0) this.pathPreview.show([self!, ...path]);
  }

  /** The self avatar may appear after create() (state can lag the welcome); follow it once it does. */
  private followSelf(): void {
    const sprite = this.player?.sprite;
    if (sprite) this.cameraSystem?.follow(sprite);
  }

  private tagRects(): ReturnType<OfficeView["tagRects"]> {
    const zoom = this.cameras.main.zoom;
    const onPage = (r: { x: number; y: number; width: number; height: number }) => {
      const at = this.clientPointOf(r);
      return { x: at.x, y: at.y, width: r.width * zoom, height: r.height * zoom };
    };
    return (this.factory?.tagRects() ?? []).map((r) => ({ ...r, ...onPage(r), body: onPage(r.body) }));
  }

  private clientPointOf(point: Point): Point {
    const camera = this.cameras.main;
    const rect = this.game.canvas.getBoundingClientRect();
    return {
      x: rect.left + (point.x - camera.worldView.x) * camera.zoom,
      y: rect.top + (point.y - camera.worldView.y) * camera.zoom,
    };
  }

  private disposeSystems(): void {
    this.player?.dispose();
    this.remotes?.dispose();
    this.cameraSystem?.dispose();
    this.factory?.dispose();
    this.keyboard?.clear();
    this.pathPreview?.dispose();
    this.pathPreview = null;
    this.seats?.dispose();
    this.deskLabels?.dispose();
    this.mapLayers?.dispose();
    this.mapLayers = null;
    this.seats = null;
    this.deskLabels = null;
    this.player = null;
    this.remotes = null;
    this.cameraSystem = null;
    this.factory = null;
    this.keyboard = null;
  }
}
