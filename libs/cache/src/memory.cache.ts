import { Cache, Counter } from './cache';

type Value =
  | { kind: 'hash'; fields: Record<string, string> }
  | { kind: 'list'; items: string[] }
  | { kind: 'counter'; count: number };

/** In-process cache: single node only, bounded (least recently written entries are evicted first). */
export class MemoryCache extends Cache {
  private readonly entries = new Map<string, { value: Value; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async getHash(key: string): Promise<Record<string, string> | undefined> {
    const value = this.read(key);
    return value?.kind === 'hash' ? { ...value.fields } : undefined;
  }

  async setHash(key: string, fields: Record<string, string>, ttlMs: number): Promise<void> {
    const current = this.read(key);
    const merged = current?.kind === 'hash' ? { ...current.fields, ...fields } : { ...fields };
    this.write(key, { kind: 'hash', fields: merged }, ttlMs);
  }

  async appendToList(key: string, value: string, ttlMs: number): Promise<void> {
    const current = this.read(key);
    const items = current?.kind === 'list' ? [...current.items, value] : [value];
    this.write(key, { kind: 'list', items }, ttlMs);
  }

  async getList(key: string): Promise<string[]> {
    const value = this.read(key);
    return value?.kind === 'list' ? [...value.items] : [];
  }

  async delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  async increment(key: string, windowMs: number): Promise<Counter> {
    const entry = this.entries.get(key);
    const current = this.read(key);
    if (current?.kind === 'counter' && entry) {
      current.count += 1;
      return { count: current.count, ttlMs: entry.expiresAt - this.now() };
    }
    this.write(key, { kind: 'counter', count: 1 }, windowMs);
    return { count: 1, ttlMs: windowMs };
  }

  async getCounter(key: string): Promise<Counter> {
    const value = this.read(key);
    const entry = this.entries.get(key);
    return value?.kind === 'counter' && entry
      ? { count: value.count, ttlMs: entry.expiresAt - this.now() }
      : { count: 0, ttlMs: 0 };
  }

  private read(key: string): Value | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  private write(key: string, value: Value, ttlMs: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
