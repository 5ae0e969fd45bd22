/**
 * Which of two peers starts the WebRTC connection (creates the offer): the one
 * with the smaller id in plain code-unit order. Both sides compute the same
 * answer without talking, so exactly one offer is made per pair.
 */
export function initiatorOf(a: string, b: string): string {
  if (a === b) throw new RangeError(`initiatorOf: a person does not connect to themself (${a})`);
  return a < b ? a : b;
}

/** True when `self` should create the offer towards `peer`. */
export function initiates(self: string, peer: string): boolean {
  return initiatorOf(self, peer) === self;
}
