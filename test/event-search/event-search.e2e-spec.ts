import request from 'supertest';
import { UserJwtService } from '@app/auth';
import { TestVhost, expectEventually, writeRsaKeyPair } from '@app/testing';
import {
  DavTestEnvironment,
  basic,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';
import { CREATED, DELETED, UPDATED, eventMessage, spec } from './event-search-support';

const DOMAIN = 'example.org';
const ANA = 'ana@example.org';
const BOB = 'bob@example.org';
const CAROL = 'carol@example.org';
const DAN = 'dan@example.org';
const CREATED_DLQ = 'tcalendar:event:created:search-dead-letter';

type Hit = { _links: { self: { href: string } }; data: Record<string, unknown> };
type SearchAnswer = { _links: { self: { href: string } }; _total_hits: number; _embedded: { events: Hit[] } };

/**
 * Event search end to end (events.md §5, rest-api.md §6.5) on the MongoDB index: messages published on the broker
 * are indexed, and `POST /calendar/api/events/search` reads them through the caller's calendar list.
 */
describe('event search: index fed by calendar:event:* and POST /calendar/api/events/search', () => {
  let vhost: TestVhost;
  let env: DavTestEnvironment;
  let jwt: UserJwtService;
  const keys = writeRsaKeyPair();
  const ids: Record<string, string> = {};
  const api = () => request(env.service.api.getHttpServer());
  const tokens = new Map<string, string>();
  const search = (email: string, body: object, query = '') =>
    api().post(`/calendar/api/events/search${query}`).set('Authorization', tokens.get(email)!).send(body);
  const uids = (answer: SearchAnswer) => answer._embedded.events.map((hit) => hit.data.uid);
  const own = (email: string) => [{ userId: ids[email]!, calendarId: ids[email]! }];
  const uid = (name: string) => `${name}-${env.run}`;
  const davAs = (email: string) =>
    basic(`${process.env.DAV_ADMIN_USER}&${email}`, process.env.DAV_ADMIN_PASSWORD!);

  beforeAll(async () => {
    vhost = await TestVhost.create();
    env = await startDavTestEnvironment({
      ...vhost.env(),
      DOMAINS: DOMAIN,
      OPENSEARCH_HOSTS: undefined,
      JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
      JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
    });
    jwt = env.service.api.get(UserJwtService);
    for (const email of [ANA, BOB, CAROL, DAN]) {
      ids[email] = await seedUser(env.service, email, DOMAIN);
      tokens.set(email, `Bearer ${await jwt.signUserToken(email)}`);
    }
  });

  afterAll(async () => {
    await env?.close();
    await vhost?.delete();
  });

  it('indexes a created event and answers the exact shape of rest-api.md §6.5', async () => {
    const event = uid('weekly');
    await vhost.publish(
      CREATED,
      eventMessage(
        `/calendars/${ids[ANA]}/${ids[ANA]}/${event}.ics`,
        spec(event, 'Weekly sync', {
          rrule: 'FREQ=WEEKLY',
          sequence: 2,
          location: 'Room 2',
          extra: ['CLASS:PUBLIC', 'X-OPENPAAS-VIDEOCONFERENCE:https://visio.example.org/abc'],
          attendees: [
            { email: BOB, cn: 'Bob Martin' },
            { email: 'r04@example.org', cn: 'Room 4', cutype: 'RESOURCE' },
          ],
        }),
      ),
    );
    const answer = await expectEventually(async () => {
      const response = await search(ANA, { calendars: own(ANA), query: 'weekly' }).expect(200);
      expect(response.body._total_hits).toBe(1);
      return response.body as SearchAnswer;
    });
    expect(answer).toEqual({
      _links: { self: { href: '/calendar/api/events/search?limit=30&offset=0' } },
      _total_hits: 1,
      _embedded: {
        events: [
          {
            _links: { self: { href: `/calendars/${ids[ANA]}/${ids[ANA]}/${event}.ics` } },
            data: {
              uid: event,
              summary: 'Weekly sync',
              location: 'Room 2',
              description: null,
              start: '2030-05-12T07:30:00Z',
              end: '2030-05-12T08:00:00Z',
              class: 'PUBLIC',
              allDay: false,
              hasResources: true,
              durationInDays: 0,
              isRecurrentMaster: true,
              attendees: [{ email: BOB, cn: 'Bob Martin' }],
              organizer: { email: ANA, cn: 'Ana Lima' },
              resources: [{ email: 'r04@example.org', cn: 'Room 4' }],
              'x-openpaas-videoconference': 'https://visio.example.org/abc',
              'x-openpaas-booking-link': null,
              userId: ids[ANA],
              calendarId: ids[ANA],
              dtstamp: '2025-05-01T10:00:00Z',
            },
          },
        ],
      },
    });
    // the self link repeats the raw request URI, query string included
    const paged = await search(ANA, { calendars: own(ANA), query: 'weekly' }, '?limit=5').expect(200);
    expect(paged.body._links.self.href).toBe('/calendar/api/events/search?limit=5?limit=5&offset=0');
  });

  it('follows updates with overrides, ignores a stale one, and forgets deleted events', async () => {
    const event = uid('retro');
    const path = `/calendars/${ids[ANA]}/${ids[ANA]}/${event}.ics`;
    const master = (sequence: number, summary = 'Retro') =>
      spec(event, summary, {
        rrule: 'FREQ=DAILY',
        start: '20300601T090000',
        end: '20300601T100000',
        sequence,
      });
    const moved = spec(event, 'Retro moved', {
      recurrenceId: '20300602T090000',
      start: '20300602T140000',
      end: '20300602T150000',
      sequence: 1,
    });
    await vhost.publish(CREATED, eventMessage(path, master(1), moved));
    await expectEventually(async () =>
      expect(uids((await search(ANA, { calendars: own(ANA), query: 'moved' })).body)).toEqual([event]),
    );
    await vhost.publish(UPDATED, eventMessage(path, master(2, 'Retro renamed')));
    await expectEventually(async () => {
      expect(uids((await search(ANA, { calendars: own(ANA), query: 'moved' })).body)).toEqual([]);
      expect(uids((await search(ANA, { calendars: own(ANA), query: 'renamed' })).body)).toEqual([event]);
    });
    await vhost.publish(UPDATED, eventMessage(path, master(1, 'Retro stale')));
    await vhost.publish(DELETED, eventMessage(path, master(3)));
    await expectEventually(async () =>
      expect(uids((await search(ANA, { calendars: own(ANA), query: 'retro' })).body)).toEqual([]),
    );
    // the stale update never replaced the renamed master (it was deleted after it, in order)
    expect(uids((await search(ANA, { calendars: own(ANA), query: 'stale' })).body)).toEqual([]);
  });

  it('maps delegated and subscribed calendars to their source and drops calendars the caller cannot see', async () => {
    const bobs = uid('bob-plan');
    const carols = uid('carol-plan');
    const dans = uid('dan-plan');
    for (const [email, event] of [
      [BOB, bobs],
      [CAROL, carols],
      [DAN, dans],
    ] as const)
      await vhost.publish(
        CREATED,
        eventMessage(`/calendars/${ids[email]}/${ids[email]}/${event}.ics`, spec(event, `Planning ${event}`)),
      );
    // Bob delegates his calendar to Ana; Ana subscribes to Carol's
    const shared = await request(env.dav.url)
      .post(`/calendars/${ids[BOB]}/${ids[BOB]}.json`)
      .set('Authorization', davAs(BOB))
      .set('Accept', 'application/json')
      .set('Content-Type', 'application/json')
      .send({ share: { set: [{ 'dav:href': `mailto:${ANA}`, 'dav:read': true }] } });
    expect(shared.status).toBe(200);
    await env.dav.createSubscription(ids[ANA]!, 'carol-sub', `/calendars/${ids[CAROL]}/${ids[CAROL]}`);
    const listing = await request(env.dav.url)
      .get(
        `/calendars/${ids[ANA]}.json?personal=true&sharedDelegationStatus=accepted&sharedPublicSubscription=true`,
      )
      .set('Authorization', davAs(ANA))
      .set('Accept', 'application/json')
      .expect(200);
    const delegated = (listing.body._embedded['dav:calendar'] as Record<string, unknown>[])
      .map((calendar) => (calendar._links as { self: { href: string } }).self.href)
      .map((href) => href.replace(/\.json$/, '').split('/')[3]!)
      .find((id) => id !== ids[ANA] && id !== 'carol-sub')!;
    const calendars = [
      { userId: ids[ANA], calendarId: delegated },
      { userId: ids[ANA], calendarId: 'carol-sub' },
      { userId: ids[DAN], calendarId: ids[DAN] },
      { userId: ids[ANA], calendarId: 'no-such-calendar' },
    ];
    const answer = await expectEventually(async () => {
      const response = await search(ANA, { calendars, query: 'planning' }).expect(200);
      expect(response.body._total_hits).toBe(2);
      return response.body as SearchAnswer;
    });
    expect(uids(answer).sort()).toEqual([bobs, carols].sort());
    const hrefs = answer._embedded.events.map((hit) => hit._links.self.href).sort();
    expect(hrefs).toEqual(
      [
        `/calendars/${ids[BOB]}/${ids[BOB]}/${bobs}.ics`,
        `/calendars/${ids[CAROL]}/${ids[CAROL]}/${carols}.ics`,
      ].sort(),
    );
    // Dan's calendar alone: not in Ana's list, so nothing
    expect((await search(ANA, { calendars: own(DAN) }).expect(200)).body._total_hits).toBe(0);
    // no calendar at all: nothing
    expect((await search(ANA, { query: 'planning' }).expect(200)).body._total_hits).toBe(0);
  });

  it('filters by organizer, attendee and booking link', async () => {
    const link = '550e8400-e29b-41d4-a716-446655440000';
    const fromBob = uid('from-bob');
    const booked = uid('booked');
    await vhost.publish(
      CREATED,
      eventMessage(
        `/calendars/${ids[ANA]}/${ids[ANA]}/${fromBob}.ics`,
        spec(fromBob, 'Filter check', { organizer: { email: BOB, cn: 'Bob' }, attendees: [{ email: ANA }] }),
      ),
    );
    await vhost.publish(
      CREATED,
      eventMessage(
        `/calendars/${ids[ANA]}/${ids[ANA]}/${booked}.ics`,
        spec(booked, 'Filter check', { extra: [`X-OPENPAAS-BOOKING-LINK:${link}`] }),
      ),
    );
    await expectEventually(async () =>
      expect((await search(ANA, { calendars: own(ANA), query: 'filter' })).body._total_hits).toBe(2),
    );
    const ask = async (body: object) =>
      uids((await search(ANA, { calendars: own(ANA), query: 'filter', ...body })).body);
    expect(await ask({ organizers: ['BOB@example.org'] })).toEqual([fromBob]);
    expect(await ask({ attendees: [BOB] })).toEqual([booked]);
    expect(await ask({ bookingLink: link })).toEqual([booked]);
  });

  it('answers 400 to bad parameters and 401 without credentials', async () => {
    const bad = async (body: object, query = '') => {
      const response = await search(ANA, body, query).expect(400);
      expect(response.body).toEqual({
        error: { code: 400, type: 'BadRequest', message: expect.any(String), details: expect.any(String) },
      });
      return response.body.error.details as string;
    };
    expect(await bad({}, '?limit=0')).toBe('Limit must be greater than 0');
    expect(await bad({}, '?limit=257')).toBe('Maximum limit allowed: 256, but got: 257');
    expect(await bad({}, '?limit=ten')).toBe('limit must be an integer');
    expect(await bad({}, '?offset=-1')).toBe('offset must not be negative');
    expect(await bad({ organizers: ['not an address'] })).toBe('organizers must be e-mail addresses');
    expect(await bad({ attendees: ['bob@'] })).toBe('attendees must be e-mail addresses');
    expect(await bad({ calendars: [{ userId: ' ', calendarId: 'x' }] })).toBe(
      'calendars.userId must not be blank',
    );
    expect(await bad({ calendars: [{ userId: 'x' }] })).toBe('calendars.calendarId must not be blank');
    expect(await bad({ bookingLink: 'not-a-uuid' })).toBe('bookingLink must be a UUID');
    const many = Array.from({ length: 300 }, (_, i) => ({ userId: ids[ANA], calendarId: `c${i}` }));
    expect(await bad({ calendars: many })).toBe('At most 256 calendars can be searched');
    await api().post('/calendar/api/events/search').send({}).expect(401);
  });

  it('dead-letters unreadable messages with their reason and goes on with the next ones', async () => {
    const good = uid('after-bad');
    const base = eventMessage(`/calendars/${ids[ANA]}/${ids[ANA]}/x.ics`, spec(uid('bad'), 'Bad one'));
    await vhost.publish(CREATED, { ...base, eventPath: `/calendars/${ids[ANA]}/x.ics` });
    await vhost.publish(CREATED, { ...base, event: ['vcalendar', 'not jcal'] });
    await vhost.publish(CREATED, '{not json');
    const event = base.event as [string, unknown[], [string, unknown[][], unknown[]][]];
    const vevent = event[2].find(([name]) => name === 'vevent')!;
    const dtstart = vevent[1].find(([name]) => name === 'dtstart')!;
    await vhost.publish(CREATED, {
      ...base,
      event: [
        'vcalendar',
        event[1],
        [['vevent', [...vevent[1].filter((p) => p !== dtstart), ['dtstart', {}, 'date-time', 'soon']], []]],
      ],
    });
    // a non-numeric SEQUENCE is only absent
    const sequenced = eventMessage(
      `/calendars/${ids[ANA]}/${ids[ANA]}/${good}.ics`,
      spec(good, 'Survivor', { sequence: 1 }),
    );
    const goodEvent = sequenced.event as typeof event;
    const goodVevent = goodEvent[2].find(([name]) => name === 'vevent')!;
    goodVevent[1] = goodVevent[1].map((property) =>
      property[0] === 'sequence' ? ['sequence', {}, 'integer', 'one'] : property,
    );
    await vhost.publish(CREATED, sequenced);
    await expectEventually(async () =>
      expect(uids((await search(ANA, { calendars: own(ANA), query: 'survivor' })).body)).toEqual([good]),
    );
    const dead = await expectEventually(async () => {
      const messages = await vhost.drain(CREATED_DLQ);
      expect(messages).toHaveLength(4);
      return messages;
    });
    expect(dead.map((message) => message.content.toString()).join('\n')).toContain('/calendars/');
    const metrics = await env.service.admin().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/calendar_event_search_indexed_documents_total [1-9]/);
    expect(metrics.text).toMatch(/calendar_event_search_failed_documents_total [1-9]/);
  });
});
