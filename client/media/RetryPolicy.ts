/**
 * Backoff for recreating a failed peer connection: a few tries with growing
 * delays, then give up until the conversation changes (a new conversation
 * resets it).
 */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 3000, 8000];

export class RetryPolicy {
  private attempts = 0;

  constructor(private readonly delays: readonly number[] = RETRY_DELAYS_MS) {}

  /** Delay before the next try, or null when the tries are used up. */
  next(): number | null {
    if (this.attempts >= this.delays.length) return null;
    return this.delays[this.attempts++];
  }

  get used(): number {
    return this.attempts;
  }

  reset(): void {
    this.attempts = 0;
  }
}
