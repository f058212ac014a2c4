import { Injectable, Logger } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import { DavClient, DavIdentity, DavPaths } from '@app/dav-client';
import { UploadedFile, UploadedFileRepository } from '@app/persistence';
import { ImportCompletedEvent, ImportKind } from './events/import-completed.event';
import { CalendarItem, calendarItems } from './parsing/calendar-items';
import {
  FailedEvent,
  calendarItemDefect,
  failedEvent,
  serializeCalendarItem,
} from './parsing/calendar-item.serializer';
import { UnparsableFileError } from './parsing/components';
import { FailedContact, failedContact, serializeVCard, vcardDefect, vcards } from './parsing/vcards';

/** Items sent to the DAV server at the same time, per import. */
const PARALLEL_PUTS = 8;
/** Failed items listed in the outcome (all are counted). */
const MAX_LISTED_FAILURES = 1_000;

export interface ImportJob {
  importId: string;
  username: string;
  file: UploadedFile;
  kind: ImportKind;
  homeId: string;
  collectionId: string;
}

interface Tally {
  succeeded: number;
  failed: number;
  failures: (FailedEvent | FailedContact)[];
}

/**
 * Pushes an uploaded file into a DAV collection as the uploader (rest-api.md §5.10, dav.md §5.3): each VEVENT/VTODO
 * group of a UID, or each vCard, is one `PUT`; a bounded number run concurrently and the parser waits for them, so
 * neither the file nor its parsed form is ever held whole. Invalid items are counted and listed, not fatal.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    private readonly files: UploadedFileRepository,
    private readonly dav: DavClient,
    private readonly events: EventBus,
  ) {}

  /** Runs the import; never rejects (the outcome is published). */
  async run(job: ImportJob): Promise<ImportCompletedEvent> {
    const tally: Tally = { succeeded: 0, failed: 0, failures: [] };
    const target =
      job.kind === 'calendar'
        ? DavPaths.calendar(job.homeId, job.collectionId)
        : DavPaths.addressBook(job.homeId, job.collectionId);
    let status: 'completed' | 'failed' = 'completed';
    try {
      if (job.kind === 'calendar') await this.importCalendar(job, tally);
      else await this.importContacts(job, tally);
    } catch (error) {
      status = 'failed';
      const reason =
        error instanceof UnparsableFileError ? `unparsable file: ${error.message}` : String(error);
      this.logger.warn(`import ${job.importId} of ${job.file.id} into ${target} failed: ${reason}`);
    }
    const event = new ImportCompletedEvent(
      job.importId,
      job.username,
      job.kind,
      target,
      status,
      status === 'completed' ? tally.succeeded : 0,
      status === 'completed' ? tally.failed : 0,
      status === 'completed' ? tally.failures : [],
    );
    this.logger.log(
      `import ${job.importId} into ${target}: ${status}, ${event.succeedCount} imported, ${event.failedCount} failed`,
    );
    this.events.publish(event);
    return event;
  }

  private async importCalendar(job: ImportJob, tally: Tally): Promise<void> {
    const identity = DavIdentity.user(job.username);
    const limiter = new Limiter(PARALLEL_PUTS);
    for await (const item of calendarItems(() => this.files.read(job.file))) {
      const ics = serializeCalendarItem(item);
      const defect = item.defect ?? calendarItemDefect(ics);
      if (defect || !item.uid) {
        this.fail(tally, failedEvent(item), `invalid item ${item.uid ?? '(no UID)'}: ${defect}`, job);
        continue;
      }
      const uid = item.uid;
      await limiter.run(async () => {
        const outcome = await this.dav
          .importCalendarObject(identity, job.homeId, job.collectionId, objectName(uid), ics)
          .catch((error: unknown) => ({ ok: false, status: String(error) }));
        if (outcome.ok) tally.succeeded++;
        else
          this.fail(tally, failedEvent(item as CalendarItem), `DAV refused ${uid}: ${outcome.status}`, job);
      });
    }
    await limiter.drain();
  }

  private async importContacts(job: ImportJob, tally: Tally): Promise<void> {
    const identity = DavIdentity.user(job.username);
    const limiter = new Limiter(PARALLEL_PUTS);
    for await (const card of vcards(this.files.read(job.file))) {
      const uid = randomUUID();
      const text = serializeVCard(card, uid);
      const defect = vcardDefect(card, text);
      if (defect) {
        this.fail(tally, failedContact(card), `invalid vCard: ${defect}`, job);
        continue;
      }
      await limiter.run(async () => {
        const outcome = await this.dav
          .putVCard(identity, job.homeId, job.collectionId, uid, text)
          .catch((error: unknown) => ({ ok: false, status: String(error) }));
        if (outcome.ok) tally.succeeded++;
        else this.fail(tally, failedContact(card), `DAV refused a vCard: ${outcome.status}`, job);
      });
    }
    await limiter.drain();
  }

  private fail(tally: Tally, item: FailedEvent | FailedContact, reason: string, job: ImportJob): void {
    tally.failed++;
    if (tally.failures.length < MAX_LISTED_FAILURES) tally.failures.push(item);
    this.logger.debug(`import ${job.importId}: ${reason}`);
  }
}

/**
 * The object name of a UID: the UID itself (as the original does) unless it cannot be one path segment, then a
 * digest of it (stable, so that a re-import replaces the same object).
 */
export function objectName(uid: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[^/\\%?#\x00-\x1f]+$/.test(uid) && uid !== '.' && uid !== '..'
    ? uid
    : createHash('sha256').update(uid).digest('hex');
}

/** Runs at most `size` tasks at once; `run` waits for a free slot. */
class Limiter {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly size: number) {}

  async run(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.size) await Promise.race(this.running);
    const promise: Promise<void> = task().finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
  }
}
