import { ensureInt32 } from "./growable";

/** Disjoint sets over 0..n-1 in typed arrays (union by size, path halving), reusable across calls. */
export class UnionFind {
  parent = new Int32Array(0);
  size = new Int32Array(0);
  count = 0;

  reset(count: number): void {
    this.count = count;
    this.parent = ensureInt32(this.parent, count);
    this.size = ensureInt32(this.size, count);
    for (let i = 0; i < count; i++) this.parent[i] = i;
    this.size.fill(1, 0, count);
  }

  /** Become a copy of `other`'s sets. */
  copyFrom(other: UnionFind): void {
    this.count = other.count;
    this.parent = ensureInt32(this.parent, other.count);
    this.size = ensureInt32(this.size, other.count);
    this.parent.set(other.parent.subarray(0, other.count));
    this.size.set(other.size.subarray(0, other.count));
  }

  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      const grand = parent[parent[i]];
      parent[i] = grand;
      i = grand;
    }
    return i;
  }

  /** Size of the set containing i. */
  sizeOf(i: number): number {
    return this.size[this.find(i)];
  }

  /** Join the sets of roots ra and rb (must be distinct roots); returns the new root. */
  linkRoots(ra: number, rb: number): number {
    const { parent, size } = this;
    if (size[ra] < size[rb] || (size[ra] === size[rb] && rb < ra)) {
      const t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    size[ra] += size[rb];
    return ra;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.linkRoots(ra, rb);
  }
}
