import { Command } from '@nestjs/cqrs';

export interface FailedImportItem {
  uid?: string | null;
  summary?: string | null;
  start?: string | null;
  end?: string | null;
  email?: string | null;
}

/** Mail the importing user the report of a finished import (mail.md §3.9). */
export class SendImportReportCommand extends Command<'sent' | 'already-sent' | 'not-whitelisted'> {
  constructor(
    public readonly importId: string,
    /** The importing user's e-mail. */
    public readonly username: string,
    public readonly kind: 'calendar' | 'contacts',
    public readonly succeedCount: number,
    public readonly failedCount: number,
    public readonly failedItems: readonly FailedImportItem[],
  ) {
    super();
  }
}
