/**
 * Paces work to `perSecond` items, shared by concurrent workers: each `take` reserves the next slot and waits for it
 * (or until `signal` aborts).
 */
export class Throttle {
  private next = 0;

  constructor(private readonly perSecond: number) {}

  take(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.next);
    this.next = slot + 1000 / this.perSecond;
    const delay = slot - now;
    if (delay <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, delay);
      signal?.addEventListener('abort', done, { once: true });
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
    });
  }
}
