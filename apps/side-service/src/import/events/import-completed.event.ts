import type { FailedEvent } from '../parsing/calendar-item.serializer';
import type { FailedContact } from '../parsing/vcards';

export type ImportKind = 'calendar' | 'contacts';

/**
 * An import finished (rest-api.md §5.10): published on the CQRS event bus for the notifications (import report
 * mail, WebSocket). `status: 'failed'` means the file could not be read at all: no counts, no report mail.
 */
export class ImportCompletedEvent {
  constructor(
    public readonly importId: string,
    /** The importing user's email. */
    public readonly username: string,
    public readonly kind: ImportKind,
    /** DAV path of the target collection: `/calendars/{home}/{id}` or `/addressbooks/{home}/{id}`. */
    public readonly target: string,
    public readonly status: 'completed' | 'failed',
    public readonly succeedCount: number,
    public readonly failedCount: number,
    /** `{uid, summary, start, end}` for calendars, `{email}` for contacts. */
    public readonly failedItems: ReadonlyArray<FailedEvent | FailedContact>,
  ) {}
}
