import { Counter as PromCounter, register } from 'prom-client';
import type { Cache } from '@app/cache';
import { TooManyRequestsError } from '@app/core';

export interface LoginThrottleSettings {
  /** Failed attempts on one account within the window before it is refused; 0 disables. */
  maxAccountFailures: number;
  /** Failed attempts from one client address within the window before it is refused; 0 disables. */
  maxAddressFailures: number;
  windowMs: number;
}

/** Who is trying: the account named by the credential and the address the request came from. */
export interface LoginAttempt {
  account?: string;
  address?: string;
}

type Scope = 'account' | 'address';

function throttledCounter(): PromCounter<'scope'> {
  const name = 'auth_throttled_requests_total';
  return (
    (register.getSingleMetric(name) as PromCounter<'scope'> | undefined) ??
    new PromCounter({
      name,
      help: 'Authentication attempts refused with 429 after too many failures, by account or client address',
      labelNames: ['scope'],
    })
  );
}

/**
 * Brute-force limiter of password authentication (REST Basic, webadmin passwords and password checks): failures
 * are counted per account and per client address in a fixed window (Redis when configured, so every node shares
 * them; in memory otherwise). Once a count reaches its limit, attempts are refused with 429 and `Retry-After` until
 * the window ends, before any password is checked. A success clears the account's count.
 */
export class LoginThrottle {
  private readonly throttled = throttledCounter();

  constructor(
    private readonly cache: Cache,
    private readonly settings: LoginThrottleSettings,
  ) {}

  private keys(attempt: LoginAttempt): [Scope, string, number][] {
    const keys: [Scope, string, number][] = [];
    if (attempt.account && this.settings.maxAccountFailures > 0)
      keys.push([
        'account',
        `tcal_login_fail_account_${attempt.account.toLowerCase()}`,
        this.settings.maxAccountFailures,
      ]);
    if (attempt.address && this.settings.maxAddressFailures > 0)
      keys.push(['address', `tcal_login_fail_address_${attempt.address}`, this.settings.maxAddressFailures]);
    return keys;
  }

  /** Throws `TooManyRequestsError` when the account or the address has used up its failures. */
  async check(attempt: LoginAttempt): Promise<void> {
    for (const [scope, key, max] of this.keys(attempt)) {
      const counter = await this.cache.getCounter(key).catch(() => ({ count: 0, ttlMs: 0 }));
      if (counter.count >= max) {
        this.throttled.inc({ scope });
        throw new TooManyRequestsError(
          Math.max(1, Math.ceil(counter.ttlMs / 1000)),
          'Too many failed authentication attempts, retry later',
        );
      }
    }
  }

  async failed(attempt: LoginAttempt): Promise<void> {
    await Promise.all(
      this.keys(attempt).map(([, key]) =>
        this.cache.increment(key, this.settings.windowMs).catch(() => undefined),
      ),
    );
  }

  async succeeded(attempt: LoginAttempt): Promise<void> {
    const account = this.keys({ account: attempt.account }).map(([, key]) => key);
    if (account.length > 0) await this.cache.delete(...account).catch(() => undefined);
  }
}
