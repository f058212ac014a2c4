import type { OpensearchConfig } from '@app/config';

type EventsConfig = OpensearchConfig['events'];

const keyword = { type: 'keyword' };
const notIndexed = (type: string) => ({ type, index: false });

const person = {
  properties: {
    email: {
      type: 'text',
      analyzer: 'standard',
      fields: { raw: { type: 'keyword', normalizer: 'case_insensitive' } },
    },
    cn: {
      type: 'text',
      analyzer: 'calendar_event_cn_name_analyzer',
      search_analyzer: 'calendar_event_cn_name_search_analyzer',
    },
  },
};

/** Index settings: shards, replicas and the analysis of events.md §5.2. */
export function eventIndexSettings(events: EventsConfig, shards: number, replicas: number) {
  const foldedLowercase = ['lowercase', 'preserved_ascii_folding_filter'];
  const ngram = {
    type: 'custom',
    tokenizer: 'standard',
    filter: ['edge_ngram_filter', ...foldedLowercase],
  };
  return {
    number_of_shards: shards,
    number_of_replicas: replicas,
    'index.max_ngram_diff': events.maxNgramDiff,
    analysis: {
      normalizer: { case_insensitive: { type: 'custom', filter: ['lowercase', 'asciifolding'] } },
      filter: {
        edge_ngram_filter: {
          type: 'edge_ngram',
          min_gram: events.minNgram,
          max_gram: events.minNgram + events.maxNgramDiff,
        },
        preserved_ascii_folding_filter: { type: 'asciifolding', preserve_original: true },
      },
      analyzer: {
        calendar_event_cn_name_analyzer: ngram,
        calendar_event_cn_name_search_analyzer: {
          type: 'custom',
          tokenizer: 'standard',
          filter: foldedLowercase,
        },
        calendar_event_summary_prefix_analyzer: ngram,
        calendar_event_summary_search_prefix_analyzer: {
          type: 'custom',
          tokenizer: 'keyword',
          filter: foldedLowercase,
        },
        calendar_event_keep_mail_and_url_analyzer: {
          type: 'custom',
          tokenizer: 'uax_url_email',
          filter: ['lowercase', 'stop'],
        },
        calendar_event_location_analyzer: { type: 'custom', tokenizer: 'standard', filter: ['lowercase'] },
      },
    },
  };
}

/** The mapping of events.md §5.3. */
export function eventIndexMapping(events: EventsConfig) {
  return {
    dynamic: false,
    properties: {
      baseCalendarId: keyword,
      eventUid: keyword,
      calendarURL: keyword,
      bookingLinkId: keyword,
      summary: {
        type: 'text',
        analyzer: 'calendar_event_keep_mail_and_url_analyzer',
        ...(events.summaryPrefix
          ? {
              fields: {
                prefix: {
                  type: 'text',
                  analyzer: 'calendar_event_summary_prefix_analyzer',
                  search_analyzer: 'calendar_event_summary_search_prefix_analyzer',
                },
              },
            }
          : {}),
      },
      location: { type: 'text', analyzer: 'calendar_event_location_analyzer' },
      description: { type: 'text', analyzer: 'standard' },
      organizer: person,
      attendees: person,
      resources: person,
      start: { type: 'date' },
      end: notIndexed('date'),
      dtstamp: notIndexed('date'),
      sequence: { type: 'integer' },
      collapseRank: { type: 'integer', index: false, doc_values: true },
      clazz: notIndexed('keyword'),
      videoconferenceUrl: notIndexed('keyword'),
      resourceName: notIndexed('keyword'),
      recurrenceId: notIndexed('keyword'),
      userId: notIndexed('keyword'),
      allDay: notIndexed('boolean'),
      isRecurrentMaster: notIndexed('boolean'),
    },
  };
}
