import { Logger } from '@nestjs/common';
import { forEachBounded } from '@app/core';
import type { Domain, DomainRepository } from '@app/persistence';
import type { Task, TaskInformation, TaskResult } from '../tasks/task';
import { vcardOf } from './domain-member-contact';
import type { DomainMembersBook } from './domain-members-book';
import type { CardRemoval, CardWrite } from './domain-members-diff';

/** One domain, or every registered domain but the ignored ones (lower-case names). */
export type MembersScope = { kind: 'domain'; domain: Domain } | { kind: 'all'; ignoredDomains: string[] };

/** At most this many DAV requests in flight per group (adds, updates, deletes). */
export const DAV_CONCURRENCY = 4;

interface Tally {
  count: number;
  failures: string[];
}

/**
 * What the sync and clear tasks share (webadmin.md §6.4–6.5): the domains they visit, the application of card
 * writes and removals with bounded concurrency, per-contact failure accounting and the outcome rules. A single-domain
 * run fails on a domain-level error (LDAP or DAV listing); an all-domain run logs it, goes on and ends `failed`.
 */
export abstract class DomainMembersTask implements Task {
  abstract readonly type: string;
  protected readonly logger = new Logger(this.constructor.name);
  protected readonly added: Tally = { count: 0, failures: [] };
  protected readonly updated: Tally = { count: 0, failures: [] };
  protected readonly deleted: Tally = { count: 0, failures: [] };
  private domainErrors = 0;

  constructor(
    protected readonly scope: MembersScope,
    private readonly domains: DomainRepository,
    protected readonly book: DomainMembersBook,
  ) {}

  /** Syncs or clears one domain. */
  protected abstract runDomain(domain: Domain, signal: AbortSignal): Promise<void>;

  abstract information(): TaskInformation;

  async run(signal: AbortSignal): Promise<TaskResult> {
    if (this.scope.kind === 'domain') await this.runDomain(this.scope.domain, signal);
    else {
      const ignored = new Set(this.scope.ignoredDomains);
      for (const domain of await this.domains.list()) {
        if (signal.aborted) break;
        if (ignored.has(domain.name)) continue;
        try {
          await this.runDomain(domain, signal);
        } catch (error) {
          this.domainErrors++;
          this.logger.error(
            { err: error, domain: domain.name },
            `${this.type}: domain ${domain.name} failed`,
          );
        }
      }
    }
    const failures = this.added.failures.length + this.updated.failures.length + this.deleted.failures.length;
    return failures === 0 && this.domainErrors === 0 ? 'completed' : 'partial';
  }

  /** Adds, updates and deletes run side by side, each with at most `DAV_CONCURRENCY` requests in flight. */
  protected async apply(
    domain: Domain,
    changes: { added: CardWrite[]; updated: CardWrite[]; deleted: CardRemoval[] },
    signal: AbortSignal,
  ): Promise<void> {
    const write = (tally: Tally) => (change: CardWrite) =>
      this.count(tally, change.contact.email, () =>
        this.book.put(domain.id, change.uid, vcardOf(change.contact, change.uid)),
      );
    await Promise.all([
      forEachBounded(changes.added, DAV_CONCURRENCY, write(this.added), signal),
      forEachBounded(changes.updated, DAV_CONCURRENCY, write(this.updated), signal),
      forEachBounded(
        changes.deleted,
        DAV_CONCURRENCY,
        (removal) => this.count(this.deleted, removal.email, () => this.book.delete(domain.id, removal.uid)),
        signal,
      ),
    ]);
  }

  protected scopeInformation(): TaskInformation {
    return this.scope.kind === 'domain'
      ? { domain: this.scope.domain.name }
      : { ignoredDomains: [...this.scope.ignoredDomains] };
  }

  private async count(tally: Tally, email: string, operation: () => Promise<void>): Promise<void> {
    try {
      await operation();
      tally.count++;
    } catch (error) {
      tally.failures.push(email);
      this.logger.warn({ err: error, contact: email }, `${this.type}: contact ${email} failed`);
    }
  }
}
