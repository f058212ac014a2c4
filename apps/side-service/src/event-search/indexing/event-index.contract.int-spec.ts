import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cleanEnv, opensearchConfig } from '@app/config';
import { VCalendar, icsToJcal } from '@app/ical';
import {
  EventSearchIndex,
  EventSearchQuery,
  MongoEventSearchIndex,
  OpensearchEventSearchIndex,
  REQUIRED_OPENSEARCH_MODULES,
  createOpensearchClient,
} from '@app/search';
import { EventSpec, TestDatabase, ics } from '@app/testing';
import { eventDocumentsOf, eventLocationOf } from './event-documents';
import { EventIndexer } from './event-indexer';
import { EventSearchMetrics } from './event-search-metrics';

type Adapter = { index: EventSearchIndex; close: () => Promise<void> };

/**
 * The stack's OpenSearch may be the minimal integ-test distribution, without the analysis, script and
 * delete-by-query modules every real distribution ships: the OpenSearch leg is then skipped, its reason in its name.
 */
const missingModules: string[] = JSON.parse(
  execFileSync(process.execPath, [
    '-e',
    `fetch(${JSON.stringify(`http://${process.env.OPENSEARCH_HOSTS ?? '127.0.0.1:9200'}/_nodes/plugins`)})` +
      `.then((r) => r.json()).then((b) => { const have = new Set(Object.values(b.nodes).flatMap((n) => n.modules.map((m) => m.name)));` +
      ` console.log(JSON.stringify(${JSON.stringify(REQUIRED_OPENSEARCH_MODULES)}.filter((m) => !have.has(m)))); })` +
      `.catch(() => console.log('["(unreachable)"]'))`,
  ]).toString(),
) as string[];

/** One contract, both adapters (events.md §5.5, §5.6): OpenSearch on a private index, MongoDB on the test database. */
const adapters: [string, () => Promise<Adapter>][] = [
  [
    missingModules.length
      ? `OpenSearch (skipped: the stack's OpenSearch lacks ${missingModules.join(', ')})`
      : 'OpenSearch',
    async () => {
      const name = `test-calendar-events-${randomBytes(4).toString('hex')}`;
      const config = opensearchConfig.read(
        cleanEnv({
          ...process.env,
          OPENSEARCH_EVENTS_INDEX: name,
          OPENSEARCH_EVENTS_READ_ALIAS: `${name}-read`,
          OPENSEARCH_EVENTS_WRITE_ALIAS: `${name}-write`,
          OPENSEARCH_SHARDS: '1',
          OPENSEARCH_REPLICAS: '0',
        }),
      );
      const client = createOpensearchClient(config)!;
      const index = new OpensearchEventSearchIndex(client, config);
      await index.ensureIndex();
      await index.ensureIndex(); // idempotent: the second start finds the aliases
      return {
        index,
        close: async () => {
          await client.indices.delete({ index: name }).catch(() => undefined);
          await client.close();
        },
      };
    },
  ],
  [
    'MongoDB',
    async () => {
      const database = await TestDatabase.open();
      const index = new MongoEventSearchIndex(
        database.db as never,
        `test_event_search_${randomBytes(4).toString('hex')}`,
      );
      await index.onModuleInit();
      return { index, close: () => database.close() };
    },
  ],
];

const ANA = { email: 'ana@example.org', cn: 'Ana Lima' };
const BOB = { email: 'bob@example.org', cn: 'Bob Martin' };

const runnable = adapters.filter(([name]) => !name.includes('skipped'));
const skipped = adapters.filter(([name]) => name.includes('skipped'));
if (skipped.length)
  describe.skip.each(skipped)('event index contract: %s', () => it('is skipped', () => undefined));

describe.each(runnable)('event index contract: %s', (_name, create) => {
  let adapter: Adapter;
  let indexer: EventIndexer;
  const home = () => randomBytes(12).toString('hex');

  const documents = (path: string, ...specs: EventSpec[]) =>
    eventDocumentsOf(VCalendar.fromJcal(icsToJcal(ics(undefined, ...specs))), eventLocationOf(path));
  const write = (path: string, ...specs: EventSpec[]) => indexer.indexGuarded(documents(path, ...specs));
  const search = async (calendarURLs: string[], criteria: Partial<EventSearchQuery> = {}) => {
    await adapter.index.refresh();
    return adapter.index.search({
      calendarURLs,
      text: '',
      organizers: [],
      attendees: [],
      offset: 0,
      limit: 30,
      ...criteria,
    });
  };
  const summaries = async (calendarURLs: string[], criteria: Partial<EventSearchQuery> = {}) =>
    (await search(calendarURLs, criteria)).map((event) => event.summary);
  const event = (uid: string, summary: string, extra: Partial<EventSpec> = {}): EventSpec => ({
    uid,
    summary,
    start: '20300512T093000',
    end: '20300512T100000',
    organizer: ANA,
    attendees: [BOB],
    ...extra,
  });

  beforeAll(async () => {
    adapter = await create();
    indexer = new EventIndexer(adapter.index, new EventSearchMetrics());
  });
  afterAll(() => adapter.close());

  it('indexes a created event, finds it by a word of its summary, forgets it once deleted', async () => {
    const a = home();
    await write(`/calendars/${a}/${a}/budget.ics`, event('budget', 'Budget review', { sequence: 0 }));
    const [hit] = await search([`${a}/${a}`], { text: 'budget' });
    expect(hit).toMatchObject({
      eventUid: 'budget',
      calendarURL: `${a}/${a}`,
      baseCalendarId: a,
      resourceName: 'budget.ics',
      summary: 'Budget review',
      start: '2030-05-12T07:30:00Z',
      end: '2030-05-12T08:00:00Z',
      organizer: { email: 'ana@example.org', cn: 'Ana Lima' },
      attendees: [{ email: 'bob@example.org', cn: 'Bob Martin' }],
      sequence: 0,
    });
    await indexer.deleteEvents(`${a}/${a}`, ['budget']);
    expect(await search([`${a}/${a}`], { text: 'budget' })).toEqual([]);
  });

  it('adds and removes overrides with the series: a written master prunes the overrides it no longer has', async () => {
    const a = home();
    const path = `/calendars/${a}/${a}/standup.ics`;
    const master = (sequence: number) =>
      event('standup', 'Standup', {
        rrule: 'FREQ=DAILY',
        start: '20300513T090000',
        end: '20300513T091500',
        sequence,
      });
    const moved = event('standup', 'Standup moved', {
      recurrenceId: '20300514T090000',
      start: '20300514T100000',
      end: '20300514T101500',
      sequence: 1,
    });
    const late = event('standup', 'Standup late', {
      recurrenceId: '20300515T090000',
      start: '20300515T110000',
      end: '20300515T111500',
      sequence: 1,
    });
    await write(path, master(1), moved, late);
    expect(await summaries([`${a}/${a}`], { text: 'moved' })).toEqual(['Standup moved']);
    expect(await summaries([`${a}/${a}`], { text: 'late' })).toEqual(['Standup late']);
    await write(path, master(2), moved);
    expect(await summaries([`${a}/${a}`], { text: 'moved' })).toEqual(['Standup moved']);
    expect(await search([`${a}/${a}`], { text: 'late' })).toEqual([]);
    // a stale master is not written, so it prunes nothing
    await write(path, master(1));
    expect(await summaries([`${a}/${a}`], { text: 'moved' })).toEqual(['Standup moved']);
  });

  it('prunes the series of messages written side by side, each only of the overrides it no longer has', async () => {
    const homes = [home(), home(), home()];
    const series = (a: string, sequence: number, withOverride: boolean) => [
      event('retro', `Retro ${a}`, { rrule: 'FREQ=WEEKLY', sequence }),
      ...(withOverride
        ? [
            event('retro', `Retro moved ${a}`, {
              recurrenceId: '20300519T093000',
              start: '20300519T143000',
              end: '20300519T150000',
              sequence,
            }),
          ]
        : []),
    ];
    const path = (a: string) => `/calendars/${a}/${a}/retro.ics`;
    await Promise.all(homes.map((a) => write(path(a), ...series(a, 1, true))));
    // the first two drop their override at once, the third keeps it
    await Promise.all(homes.map((a, position) => write(path(a), ...series(a, 2, position === 2))));
    for (const [position, a] of homes.entries())
      expect(await summaries([`${a}/${a}`], { text: 'moved' })).toEqual(
        position === 2 ? [`Retro moved ${a}`] : [],
      );
  });

  it('ignores an update whose sequence is not strictly greater; a plain overwrite without sequence', async () => {
    const a = home();
    const path = `/calendars/${a}/${a}/plan.ics`;
    await write(path, event('plan', 'Quarterly planning', { sequence: 2 }));
    await write(path, event('plan', 'Obsolete planning', { sequence: 1 }));
    await write(path, event('plan', 'Concurrent planning', { sequence: 2 }));
    expect(await summaries([`${a}/${a}`])).toEqual(['Quarterly planning']);
    await write(path, event('plan', 'Final planning', { sequence: 3 }));
    expect(await summaries([`${a}/${a}`])).toEqual(['Final planning']);
    // reindexing overwrites whatever the sequence
    await indexer.indexUnguarded(documents(path, event('plan', 'Reindexed planning', { sequence: 0 })));
    expect(await summaries([`${a}/${a}`])).toEqual(['Reindexed planning']);
    // without sequence: overwritten
    const b = home();
    const unsequenced = `/calendars/${b}/${b}/note.ics`;
    await write(unsequenced, event('note', 'First note'));
    await write(unsequenced, event('note', 'Second note'));
    expect(await summaries([`${b}/${b}`])).toEqual(['Second note']);
  });

  it('keeps two calendars sharing a UID apart', async () => {
    const [a, b] = [home(), home()];
    await write(`/calendars/${a}/${a}/shared.ics`, event('shared', 'Shared kickoff', { sequence: 1 }));
    await write(`/calendars/${b}/cal-b/shared.ics`, event('shared', 'Shared kickoff', { sequence: 1 }));
    await indexer.deleteEvents(`${a}/${a}`, ['shared']);
    expect(await search([`${a}/${a}`])).toEqual([]);
    expect(await search([`${b}/cal-b`])).toEqual([expect.objectContaining({ calendarURL: `${b}/cal-b` })]);
  });

  it('matches a summary prefix, accents folded, and a quoted phrase', async () => {
    const a = home();
    const cal = [`${a}/${a}`];
    await write(`/calendars/${a}/${a}/r.ics`, event('r', "Réunion d'équipe"));
    await write(
      `/calendars/${a}/${a}/w.ics`,
      event('w', 'Weekly sync meeting', { start: '20300511T093000' }),
    );
    await write(`/calendars/${a}/${a}/s.ics`, event('s', 'Sync weekly', { start: '20300510T093000' }));
    expect(await summaries(cal, { text: 'reunion' })).toEqual(["Réunion d'équipe"]);
    expect(await summaries(cal, { text: 'Réunion' })).toEqual(["Réunion d'équipe"]);
    expect(await summaries(cal, { text: 'weekl' })).toEqual(['Weekly sync meeting', 'Sync weekly']);
    expect(await summaries(cal, { text: '"weekly sync"' })).toEqual(['Weekly sync meeting']);
    expect(await search(cal, { text: 'nothing-like-this' })).toEqual([]);
  });

  it('filters by organizer and attendee addresses (case-insensitive), booking link, and requested calendars', async () => {
    const [a, b] = [home(), home()];
    const link = '550e8400-e29b-41d4-a716-446655440000';
    await write(`/calendars/${a}/${a}/1.ics`, event('one', 'From Ana'));
    await write(
      `/calendars/${a}/${a}/2.ics`,
      event('two', 'From Bob', {
        organizer: BOB,
        attendees: [ANA],
        extra: [`X-OPENPAAS-BOOKING-LINK:${link}`],
      }),
    );
    await write(`/calendars/${b}/${b}/3.ics`, event('three', 'Elsewhere'));
    const cal = [`${a}/${a}`];
    expect(await summaries(cal, { organizers: ['ANA@Example.org'] })).toEqual(['From Ana']);
    expect(await summaries(cal, { attendees: ['ana@example.org'] })).toEqual(['From Bob']);
    expect(await summaries(cal, { bookingLinkId: link })).toEqual(['From Bob']);
    expect(await summaries(cal, { text: 'bob' })).toEqual(expect.arrayContaining(['From Ana', 'From Bob']));
    expect((await summaries(cal)).sort()).toEqual(['From Ana', 'From Bob']);
    expect(await search([])).toEqual([]);
  });

  it('collapses a series to its master, sorts masters and singles before overrides by start descending, pages', async () => {
    const a = home();
    const cal = [`${a}/${a}`];
    await write(
      `/calendars/${a}/${a}/series.ics`,
      event('series', 'Retro series', { rrule: 'FREQ=WEEKLY', start: '20300501T090000', sequence: 1 }),
      event('series', 'Retro series moved', {
        recurrenceId: '20300508T090000',
        start: '20300508T100000',
        sequence: 1,
      }),
    );
    await write(`/calendars/${a}/${a}/late.ics`, event('late', 'Retro late', { start: '20300601T090000' }));
    await write(
      `/calendars/${a}/${a}/early.ics`,
      event('early', 'Retro early', { start: '20300401T090000' }),
    );
    const hits = await search(cal, { text: 'retro' });
    expect(hits.map((hit) => hit.summary)).toEqual(['Retro late', 'Retro series', 'Retro early']);
    expect(hits[1]).toMatchObject({ isRecurrentMaster: true, collapseRank: 0 });
    expect(await summaries(cal, { text: 'retro', offset: 1, limit: 1 })).toEqual(['Retro series']);
    expect(await summaries(cal, { text: 'moved' })).toEqual(['Retro series moved']);
  });

  it('purges a calendar home', async () => {
    const [a, b] = [home(), home()];
    await write(`/calendars/${a}/${a}/x.ics`, event('x', 'Home purge'));
    await write(`/calendars/${a}/other/y.ics`, event('y', 'Home purge'));
    await write(`/calendars/${b}/${b}/z.ics`, event('z', 'Home purge'));
    await indexer.deleteHome(a);
    expect(await search([`${a}/${a}`, `${a}/other`])).toEqual([]);
    expect(await search([`${b}/${b}`])).toHaveLength(1);
  });
});
