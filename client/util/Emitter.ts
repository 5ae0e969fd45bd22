/**
 * A tiny typed event emitter. `on` returns its own disposer so owners can
 * collect disposers and release every listener in one place.
 */
export type Listener<A extends unknown[]> = (...args: A) => void;
export type EventMap = Record<string, unknown[]>;

export class Emitter<E extends EventMap> {
  private listeners = new Map<keyof E, Set<Listener<never[]>>>();

  on<K extends keyof E>(event: K, listener: Listener<E[K]>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as unknown as Listener<never[]>);
    return () => set.delete(listener as unknown as Listener<never[]>);
  }

  emit<K extends keyof E>(event: K, ...args: E[K]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    // Copy first: a listener may dispose itself (or others) while we iterate.
    for (const listener of [...set]) (listener as unknown as Listener<E[K]>)(...args);
  }

  /** Whether anyone listens for `event` right now. */
  heard(event: keyof E): boolean {
    return (this.listeners.get(event)?.size ?? 0) > 0;
  }

  clear(): void {
    this.listeners.clear();
  }
}

/** Collects disposers (listeners, timers, DOM handlers) and runs them all once. */
export class Disposables {
  private items: Array<() => void> = [];

  add(dispose: () => void): void {
    this.items.push(dispose);
  }

  listen<K extends keyof HTMLElementEventMap>(
    target: EventTarget,
    type: K | string,
    handler: (event: never) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler as EventListener, options);
    this.items.push(() => target.removeEventListener(type, handler as EventListener, options));
  }

  dispose(): void {
    const items = this.items;
    this.items = [];
    for (const dispose of items.reverse()) dispose();
  }
}
