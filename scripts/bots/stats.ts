/** Small numeric helpers for bot reports. */

export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Keeps the latest `size` samples (older ones are overwritten). */
export class SampleRing {
  private readonly values: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(size = 512) {
    this.values = new Float64Array(size);
  }

  push(value: number): void {
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.values.length;
    if (this.filled < this.values.length) this.filled++;
  }

  /** The samples, then forgets them (each report covers its own window). */
  drain(): number[] {
    const out = Array.from(this.values.subarray(0, this.filled));
    this.filled = 0;
    this.next = 0;
    return out;
  }
}
