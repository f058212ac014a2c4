import { Inject, Injectable } from '@nestjs/common';
import ICAL from 'ical.js';
import type { DavConfig } from '@app/config';
import { DomainError, ErrorCode } from '@app/core';
import { DAV_CONFIG } from '../dav-client.tokens';
import { DavIdentity } from '../dav-identity';
import { DavClient } from '../dav.client';
import { EventPatch } from './attendee-partstat.patch';

export type EventUpdateOutcome = 'updated' | 'unchanged' | 'not-found';

const MAX_RETRIES = 5;

/** The event kept changing under us: every retry met a 412. */
export class ConcurrentEventUpdateError extends DomainError {
  constructor(href: string) {
    super(ErrorCode.UpstreamFailure, `Event ${href} changed concurrently ${MAX_RETRIES + 1} times in a row`);
  }
}

/** Whether the first VEVENT of the calendar is cancelled (such an event counts as not found). */
export function isCancelled(vevent: ICAL.Component | null): boolean {
  return String(vevent?.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

/**
 * The modify-event flow with optimistic concurrency (dav.md §6.1): GET with its ETag, patch the first VEVENT,
 * PUT with `If-Match`; on 412 start again, at most 5 retries with exponential back-off from
 * `DAV_UPDATE_RETRY_MIN_BACKOFF_MS` (100 ms by default).
 */
@Injectable()
export class DavEventUpdater {
  constructor(
    private readonly dav: DavClient,
    @Inject(DAV_CONFIG) private readonly config: DavConfig,
  ) {}

  async update(
    identity: DavIdentity,
    href: string,
    patch: EventPatch,
    now: () => Date = () => new Date(),
  ): Promise<EventUpdateOutcome> {
    for (let attempt = 0; ; attempt++) {
      const object = await this.dav.getObject(identity, href);
      if (!object) return 'not-found';
      const calendar = new ICAL.Component(ICAL.parse(object.ics) as unknown[]);
      const vevent = calendar.getFirstSubcomponent('vevent');
      if (!vevent || isCancelled(vevent)) return 'not-found';
      if (!patch(vevent, now())) return 'unchanged';
      const outcome = await this.dav.putObject(identity, href, calendar.toString(), object.etag);
      if (outcome.ok) return 'updated';
      if (attempt >= MAX_RETRIES) throw new ConcurrentEventUpdateError(href);
      await sleep(this.config.updateRetryMinBackoffMs * 2 ** attempt);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
