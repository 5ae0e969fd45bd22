/** Numbers fit the u16 of a position frame record. */
const LARGEST = 65_535;

/**
 * Hands out the small numbers that name members in position frames. A freed
 * number goes to the back of the queue, so it is reused only after every
 * other free one: by then every client has long seen its old owner leave,
 * and a late frame cannot move the wrong avatar.
 */
export class MemberNumbers {
  private next = 1;
  private readonly freed: number[] = [];
  private head = 0;

  take(): number {
    if (this.next <= LARGEST) return this.next++;
    if (this.head >= this.freed.length) throw new Error("no member number left: more than 65,535 people in one room");
    const num = this.freed[this.head++];
    // Compact now and then so the queue does not grow with every join and leave.
    if (this.head > 1024 && this.head * 2 > this.freed.length) {
      this.freed.splice(0, this.head);
      this.head = 0;
    }
    return num;
  }

  release(num: number): void {
    if (num > 0) this.freed.push(num);
  }
}
