import { growFloat64, growInt32 } from "./growable";

/** An append-only list of weighted pairs (person indices and squared distance), reused across calls. */
export class EdgeList {
  a = new Int32Array(64);
  b = new Int32Array(64);
  d2 = new Float64Array(64);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(a: number, b: number, d2: number): void {
    const n = this.length;
    if (n === this.a.length) {
      this.a = growInt32(this.a, n + 1, n);
      this.b = growInt32(this.b, n + 1, n);
      this.d2 = growFloat64(this.d2, n + 1, n);
    }
    this.a[n] = a;
    this.b[n] = b;
    this.d2[n] = d2;
    this.length = n + 1;
  }
}
