import { EdgeList } from "./edgeList";
import { SpatialHash } from "./spatialHash";
import type { ConversationZoneKey } from "./types";
import { UnionFind } from "./unionFind";

/**
 * Buffers `computeGroups` reuses between calls. Keep one per room and pass it on
 * every call: the typed arrays grow to the largest crowd seen and are then
 * reused, so a steady 10,000-person tick allocates little beyond its result.
 * Not shared between concurrent calls (there are none in a single-threaded room).
 */
export class GroupingScratch {
  readonly hash = new SpatialHash();
  readonly sets = new UnionFind();
  readonly trial = new UnionFind();
  readonly keepEdges = new EdgeList();
  readonly formEdges = new EdgeList();
  /** Per taking-part person (index i): position, input index, previous group, zone, flags. */
  xs = new Float64Array(0);
  ys = new Float64Array(0);
  source = new Int32Array(0);
  prevGroup = new Int32Array(0);
  zone = new Int32Array(0);
  available = new Uint8Array(0);
  refusedEdge = new Int32Array(0);
  /** Indexed by a set's root: phase-1 core facts and the final group's choice. */
  coreSize = new Int32Array(0);
  heirOf = new Int32Array(0);
  chosenPrev = new Int32Array(0);
  minMember = new Int32Array(0);
  filled = new Int32Array(0);
  /** Per previous group (index p): the core that inherits its id. */
  heirRoot = new Int32Array(0);
  ids: string[] = [];
  groupIdOfRoot: (string | undefined)[] = [];
  membersOfRoot: (string[] | undefined)[] = [];
  /** Id → the call that last saw it (see `callStamp`). */
  readonly seenIds = new Map<string, number>();
  callStamp = 0;
  readonly prevIndex = new Map<string, number>();
  prevIds: string[] = [];
  readonly zoneIndex = new Map<ConversationZoneKey, number>();
}
