import { icsToJcal } from '@app/ical';
import { EventSpec, ics } from '@app/testing';

export const CREATED = 'calendar:event:created';
export const UPDATED = 'calendar:event:updated';
export const DELETED = 'calendar:event:deleted';

/** A `calendar:event:*` message as esn-sabre publishes it (events.md §2.2). */
export function eventMessage(eventPath: string, ...specs: EventSpec[]): Record<string, unknown> {
  const text = ics(undefined, ...specs);
  return { eventPath, event: icsToJcal(text), rawEvent: text, import: false, connectedUser: null };
}

export const spec = (uid: string, summary: string, extra: Partial<EventSpec> = {}): EventSpec => ({
  uid,
  summary,
  start: '20300512T093000',
  end: '20300512T100000',
  organizer: { email: 'ana@example.org', cn: 'Ana Lima' },
  attendees: [{ email: 'bob@example.org', cn: 'Bob Martin' }],
  dtstamp: '20250501T100000Z',
  ...extra,
});
