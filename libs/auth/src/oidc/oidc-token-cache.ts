import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Cache } from '@app/cache';

/** What a validated token resolves to, as cached. */
export interface OidcTokenEntry {
  email: string;
  /** Token expiry, epoch seconds. */
  exp: number;
  aud: string[];
  sid?: string;
  sub?: string;
}

export const tokenKey = (token: string) =>
  `tcal_oidc_hash_${createHash('sha512').update(token, 'utf8').digest('hex')}`;
export const sessionKey = (sid: string) => `tcal_oidc_sid_${sid}`;
/** Extension of the original layout: also index by subject, so a logout token carrying only `sub` evicts too. */
export const subjectKey = (sub: string) => `tcal_oidc_sub_${sub}`;

/**
 * With Redis, recent hits are also kept in process for a few seconds (`localTtlMs`): a logout received by another
 * node reaches this one's copy only when it expires.
 *
 * OIDC validation results in the Redis layout of the original (hash `tcal_oidc_hash_<sha512>` with `email`,
 * `exp`, `aud` joined by `;`, `sid`; list `tcal_oidc_sid_<sid>` of those keys), or in memory. Cache errors degrade
 * to misses and never fail a request.
 */
export class OidcTokenCache {
  private readonly logger = new Logger(OidcTokenCache.name);
  /** Process-local copy of recent hits, so that a shared (Redis) cache is not asked on every request. */
  private readonly local = new Map<string, { entry: OidcTokenEntry; until: number }>();

  constructor(
    private readonly cache: Cache,
    private readonly ttlMs: number,
    /** 0 disables the local copy (when `cache` is itself in-process). */
    private readonly localTtlMs = 0,
    private readonly localMaxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The process-local copy only, synchronously (the hot path of every request with a known token). */
  peek(token: string): OidcTokenEntry | undefined {
    const hit = this.local.get(token);
    if (hit && hit.until > this.now()) return hit.entry;
    if (hit) this.local.delete(token);
    return undefined;
  }

  async get(token: string): Promise<OidcTokenEntry | undefined> {
    const local = this.localTtlMs > 0 ? this.peek(token) : undefined;
    if (local) return local;
    const entry = await this.getShared(token);
    if (entry) this.remember(token, entry);
    return entry;
  }

  private remember(token: string, entry: OidcTokenEntry): void {
    if (this.localTtlMs <= 0) return;
    this.local.set(token, { entry, until: this.now() + Math.min(this.localTtlMs, this.ttlMs) });
    if (this.local.size > this.localMaxEntries) this.local.delete(this.local.keys().next().value as string);
  }

  private async getShared(token: string): Promise<OidcTokenEntry | undefined> {
    try {
      const hash = await this.cache.getHash(tokenKey(token));
      if (!hash?.email?.trim() || !hash.exp?.trim() || !hash.aud?.trim() || !/^\d+$/.test(hash.exp))
        return undefined;
      return {
        email: hash.email,
        exp: Number(hash.exp),
        aud: hash.aud.split(';').filter(Boolean),
        sid: hash.sid || undefined,
        sub: hash.sub || undefined,
      };
    } catch (error) {
      this.logger.warn(`token cache read failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  async put(token: string, entry: OidcTokenEntry): Promise<void> {
    this.remember(token, entry);
    const key = tokenKey(token);
    try {
      const fields: Record<string, string> = {
        email: entry.email,
        exp: String(entry.exp),
        aud: entry.aud.join(';'),
        sid: entry.sid ?? '',
      };
      if (entry.sub) fields.sub = entry.sub;
      await this.cache.setHash(key, fields, this.ttlMs);
      if (entry.sid) await this.cache.appendToList(sessionKey(entry.sid), key, this.ttlMs);
      else this.logger.warn('token cached without sid: back-channel logout by session cannot revoke it');
      if (entry.sub) await this.cache.appendToList(subjectKey(entry.sub), key, this.ttlMs);
    } catch (error) {
      this.logger.warn(`token cache write failed: ${(error as Error).message}`);
    }
  }

  /** Drops every cached token of the session and/or subject. Errors are logged, never thrown. */
  async evict(selector: { sid?: string; sub?: string }): Promise<number> {
    for (const [token, { entry }] of this.local) {
      if ((selector.sid && entry.sid === selector.sid) || (selector.sub && entry.sub === selector.sub))
        this.local.delete(token);
    }
    let evicted = 0;
    for (const indexKey of [
      selector.sid && sessionKey(selector.sid),
      selector.sub && subjectKey(selector.sub),
    ]) {
      if (!indexKey) continue;
      try {
        const keys = await this.cache.getList(indexKey);
        await this.cache.delete(...keys, indexKey);
        evicted += keys.length;
      } catch (error) {
        this.logger.warn(`token cache eviction failed: ${(error as Error).message}`);
      }
    }
    return evicted;
  }
}
