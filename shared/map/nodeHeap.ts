/**
 * An indexed binary min-heap of grid node ids for A*, ordered by f (lowest
 * first), then by g (highest first: prefer nodes nearer the goal), then by id so
 * ties break the same way on server and client. It reads the caller's score
 * arrays rather than copying scores, and supports lowering a queued node's score.
 */
export class NodeHeap {
  size = 0;
  private readonly items: Int32Array;
  /** Position of each node in `items`; valid only while the node is queued. */
  private readonly pos: Int32Array;

  constructor(
    capacity: number,
    private readonly f: Float64Array,
    private readonly g: Float64Array,
  ) {
    this.items = new Int32Array(capacity);
    this.pos = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  push(node: number): void {
    this.items[this.size] = node;
    this.pos[node] = this.size;
    this.size++;
    this.up(this.size - 1);
  }

  pop(): number {
    const top = this.items[0];
    this.size--;
    if (this.size > 0) {
      this.place(this.items[this.size], 0);
      this.down(0);
    }
    return top;
  }

  /** Call after lowering a queued node's f. */
  decreased(node: number): void {
    this.up(this.pos[node]);
  }

  private less(a: number, b: number): boolean {
    const f = this.f;
    if (f[a] !== f[b]) return f[a] < f[b];
    const g = this.g;
    if (g[a] !== g[b]) return g[a] > g[b];
    return a < b;
  }

  private place(node: number, at: number): void {
    this.items[at] = node;
    this.pos[node] = at;
  }

  private up(at: number): void {
    const node = this.items[at];
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const p = this.items[parent];
      if (!this.less(node, p)) break;
      this.place(p, at);
      at = parent;
    }
    this.place(node, at);
  }

  private down(at: number): void {
    const node = this.items[at];
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.less(this.items[right], this.items[left]) ? right : left;
      if (!this.less(this.items[child], node)) break;
      this.place(this.items[child], at);
      at = child;
    }
    this.place(node, at);
  }
}
