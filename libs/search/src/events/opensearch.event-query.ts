import type { OpensearchConfig } from '@app/config';
import { EventSearchQuery } from './event-document';

type EventsConfig = OpensearchConfig['events'];

/** `"`, `~`, `|`, `*` or a word starting with `-`: the text is written in the simple query string syntax. */
export function usesQuerySyntax(text: string): boolean {
  return /["~|*]/.test(text) || /(^|\s)-\S/.test(text);
}

function textClause(text: string, events: EventsConfig): Record<string, unknown> {
  const fields = ['summary', 'description', 'location'];
  if (events.queryString && usesQuerySyntax(text))
    return { simple_query_string: { query: text, fields, default_operator: 'and', lenient: true } };
  return {
    multi_match: {
      query: text,
      fields: events.summaryPrefix ? [...fields, 'summary.prefix'] : fields,
      ...(events.fuzzy ? { fuzziness: 'AUTO' } : {}),
    },
  };
}

/** The search body of events.md §5.6 (without index and routing). */
export function eventSearchBody(query: EventSearchQuery, events: EventsConfig): Record<string, unknown> {
  const must: Record<string, unknown>[] = [{ terms: { calendarURL: query.calendarURLs } }];
  const text = query.text.trim();
  if (text)
    must.push({
      bool: {
        should: [
          textClause(text, events),
          { match: { 'organizer.email': text } },
          { match: { 'organizer.cn': text } },
          { match: { 'attendees.email': text } },
          { match: { 'attendees.cn': text } },
        ],
        minimum_should_match: 1,
      },
    });
  if (query.organizers.length) must.push({ terms: { 'organizer.email.raw': query.organizers } });
  if (query.attendees.length) must.push({ terms: { 'attendees.email.raw': query.attendees } });
  if (query.bookingLinkId) must.push({ term: { bookingLinkId: query.bookingLinkId } });
  return {
    query: { bool: { must } },
    sort: [{ collapseRank: { order: 'asc', missing: 0 } }, { start: { order: 'desc', missing: '_last' } }],
    collapse: { field: 'eventUid' },
    from: query.offset,
    size: query.limit,
    track_total_hits: false,
  };
}
