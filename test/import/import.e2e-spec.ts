import { EventBus } from '@nestjs/cqrs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { Binary, Long, ObjectId } from 'mongodb';
import request from 'supertest';
import { expectEventually } from '@app/testing';
import { ImportCompletedEvent } from '../../apps/side-service/src/import/events/import-completed.event';
import {
  DavTestEnvironment,
  basic,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

describe('Upload and import of calendars and address books', () => {
  let env: DavTestEnvironment;
  let aliceId: string;
  const alice = basic('alice@twake.test', 'alice-secret');
  const outcomes: ImportCompletedEvent[] = [];
  const api = () => request(env.service.api.getHttpServer());
  const upload = (body: Buffer | string, query: string, auth = alice) =>
    api()
      .post(`/api/files?${query}`)
      .set('Authorization', auth)
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from(body));
  const startImport = (fileId: string, target: string, path = '/api/import') =>
    api().post(path).set('Authorization', alice).send({ fileId, target });
  const outcome = (importId: string) =>
    expectEventually(
      () => {
        const found = outcomes.find((event) => event.importId === importId);
        if (!found) throw new Error(`import ${importId} not finished`);
        return found;
      },
      { timeoutMs: 20_000 },
    );
  const objects = async (collection: string) => {
    const entries = (await env.dav.store.propfind(`${collection}/`, '1', '<D:getetag/>')) ?? [];
    return entries.map((entry) => entry.href).filter((href) => /\.(ics|vcf)$/.test(href));
  };
  const read = async (href: string) => (await env.dav.store.text('GET', href)).text;

  beforeAll(async () => {
    env = await startDavTestEnvironment({
      DOMAINS: 'twake.test',
      BASIC_AUTH_ENABLED: 'true',
      UPLOAD_USER_TOTAL_LIMIT: '16KiB',
    });
    aliceId = await seedUser(env.service, 'alice@twake.test', 'twake.test');
    env.service.api.get(EventBus).subscribe((event) => {
      if (event instanceof ImportCompletedEvent) outcomes.push(event);
    });
  });
  afterAll(() => env.close());

  describe('POST /api/files', () => {
    it('stores the raw body in the legacy document format and answers its id', async () => {
      const ics = fixture('real-world.ics');
      const response = await upload(ics, `name=team.ics&size=${ics.length}&mimetype=text/calendar`).expect(
        201,
      );
      expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(response.body._id).toMatch(/^[0-9a-f]{24}$/);
      const stored = await env.service.database.db
        .collection('twake_calendar_uploaded_files')
        .findOne({ _id: new ObjectId(response.body._id) }, { promoteLongs: false });
      expect(stored).toMatchObject({
        username: 'alice@twake.test',
        fileName: 'team.ics',
        mimeType: 'text/calendar',
      });
      expect(stored!.size).toEqual(Long.fromNumber(ics.length));
      expect(Buffer.from((stored!.data as Binary).buffer).equals(ics)).toBe(true);
    });

    it('takes the first file of a multipart form', async () => {
      const boundary = 'formboundary42';
      const body = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.vcf"\r\nContent-Type: text/vcard\r\n\r\n` +
          `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEND:VCARD\r\n\r\n--${boundary}--\r\n`,
      );
      const response = await api()
        .post(`/api/files?name=c.vcf&size=${body.length}&mimetype=TEXT/VCARD`)
        .set('Authorization', alice)
        .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
        .send(body)
        .expect(201);
      const stored = await env.service.database.db
        .collection('twake_calendar_uploaded_files')
        .findOne({ _id: new ObjectId(response.body._id) });
      expect(Buffer.from((stored!.data as Binary).buffer).toString()).toBe(
        'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEND:VCARD\r\n',
      );
    });

    it('checks its parameters and the declared size', async () => {
      const cases: [string, string][] = [
        ['size=3&mimetype=text/calendar', 'Missing name param'],
        ['name=a&mimetype=text/calendar', 'Missing size param'],
        ['name=a&size=x1&mimetype=text/calendar', 'Invalid size param: x1'],
        ['name=a&size=3', 'Missing mimetype param'],
        ['name=a&size=3&mimetype=text/plain', 'Unknown uploaded MIME type: text/plain'],
        ['name=a&size=20000&mimetype=text/calendar', 'File size exceeds user total upload limit'],
        [
          'name=a&size=5&mimetype=text/calendar',
          'Real size is greater than declared size, expected: 5, got: 10',
        ],
      ];
      for (const [query, details] of cases) {
        const response = await upload('0123456789', query).expect(400);
        expect(response.body).toEqual({
          error: { code: 400, type: 'BadRequest', message: 'Bad Request', details },
        });
      }
      await api().post('/api/files?name=a&size=1&mimetype=text/calendar').send('x').expect(401);
    });

    it('evicts the oldest uploads to stay within the quota (16 KiB here)', async () => {
      await env.service.database.db.collection('twake_calendar_uploaded_files').deleteMany({});
      const six = Buffer.alloc(6 * 1024, 'a');
      const ids: string[] = [];
      for (let index = 0; index < 4; index++)
        ids.push(
          (await upload(six, `name=f${index}&size=${six.length}&mimetype=text/calendar`).expect(201)).body
            ._id,
        );
      const left = await env.service.database.db
        .collection('twake_calendar_uploaded_files')
        .find({ username: 'alice@twake.test' })
        .toArray();
      expect(left.map((file) => file._id.toHexString()).sort()).toEqual(ids.slice(2).sort());
    });
  });

  describe('POST /api/import', () => {
    it('imports a real-world ICS: recurrences with their exceptions, time zones, an invalid event counted', async () => {
      const ics = fixture('real-world.ics');
      const fileId = (
        await upload(ics, `name=team.ics&size=${ics.length}&mimetype=text/calendar`).expect(201)
      ).body._id;
      const response = await startImport(fileId, `/calendars/${aliceId}/${aliceId}.json`).expect(202);
      expect(response.body.importId).toMatch(/^[0-9a-f-]{36}$/);
      const result = await outcome(response.body.importId);
      expect(result).toMatchObject({
        username: 'alice@twake.test',
        kind: 'calendar',
        target: `/calendars/${aliceId}/${aliceId}`,
        status: 'completed',
        succeedCount: 5,
        failedCount: 1,
        failedItems: [
          {
            uid: 'broken-date@example.org',
            summary: 'Atelier avec une date invalide',
            start: '2026-03-12 14:00',
            end: '20260312T150000',
          },
        ],
      });

      const calendar = `/calendars/${aliceId}/${aliceId}`;
      expect((await objects(calendar)).sort()).toEqual(
        [
          '7kukuqrfedlm2f9t8vuhcs5ev9@google.com',
          'monthly-review@example.org',
          'nyc-sync-20260310@example.org',
          'todo-slides@example.org',
          'vacances-hiver-2026@example.org',
        ].map((uid) => `${calendar}/${uid}.ics`),
      );
      const standUp = new ICAL.Component(
        ICAL.parse(await read(`${calendar}/7kukuqrfedlm2f9t8vuhcs5ev9@google.com.ics`)) as unknown[],
      );
      const events = standUp.getAllSubcomponents('vevent');
      expect(events).toHaveLength(2);
      expect(events[1]!.getFirstPropertyValue('recurrence-id')?.toString()).toBe('2026-03-04T09:30:00');
      expect(
        standUp.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid')),
      ).toEqual(['Europe/Paris']);
      expect(String(events[0]!.getFirstPropertyValue('description'))).toContain('9 h 30 précises');
      const nyc = new ICAL.Component(
        ICAL.parse(await read(`${calendar}/nyc-sync-20260310@example.org.ics`)) as unknown[],
      );
      const start = nyc.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstart') as ICAL.Time;
      expect(start.toJSDate().toISOString()).toBe('2026-03-10T15:00:00.000Z');
    });

    it('imports a mix of vCard 3.0 and 4.0 with fresh UIDs, counting the invalid card', async () => {
      const vcf = fixture('contacts-mix.vcf');
      const fileId = (await upload(vcf, `name=c.vcf&size=${vcf.length}&mimetype=text/vcard`).expect(201)).body
        ._id;
      // The first segment is ignored: the kind comes from the file.
      const { importId } = (await startImport(fileId, `/whatever/${aliceId}/contacts.json`).expect(202)).body;
      expect(await outcome(importId)).toMatchObject({
        kind: 'contacts',
        target: `/addressbooks/${aliceId}/contacts`,
        status: 'completed',
        succeedCount: 3,
        failedCount: 1,
        failedItems: [{ email: 'broken@example.org' }],
      });
      const cards = await Promise.all((await objects(`/addressbooks/${aliceId}/contacts`)).map(read));
      expect(cards).toHaveLength(3);
      const elodie = cards.find((card) => card.includes('Élodie'))!;
      expect(elodie).toContain('VERSION:3.0');
      expect(elodie).not.toContain('3F2504E0-4F89-11D3-9A0C-0305E82C3301');
      expect(elodie).not.toContain('PRODID:-//Apple');
      expect(cards.find((card) => card.includes('Kenji'))).toContain('VERSION:4.0');
    });

    it('answers the deprecated alias and reports an unreadable file as a failed import', async () => {
      const text = 'this is not a calendar';
      const fileId = (await upload(text, `name=x.ics&size=${text.length}&mimetype=text/calendar`).expect(201))
        .body._id;
      const { importId } = (
        await startImport(
          fileId,
          `/calendars/${aliceId}/${aliceId}`,
          '/linagora.esn.dav.import/api/import',
        ).expect(202)
      ).body;
      expect(await outcome(importId)).toMatchObject({ status: 'failed', succeedCount: 0, failedCount: 0 });
    });

    it('checks its body, the target and the file (private to its owner, not expired)', async () => {
      const check = async (body: object, details: string) =>
        expect(
          (await api().post('/api/import').set('Authorization', alice).send(body).expect(400)).body.error
            .details,
        ).toBe(details);
      await check({ target: '/calendars/a/b' }, 'fileId must be present');
      await check({ fileId: 'x' }, 'target must be present');
      await check({ fileId: '  ', target: '/calendars/a/b' }, 'fileId must be present');
      // The one rule of every DTO body: anything but a JSON object is refused before its fields are read.
      await check(['x'], 'Expecting a JSON object');
      await check({ fileId: new ObjectId().toHexString(), target: '/calendars/a' }, 'Invalid target path');
      await check(
        { fileId: new ObjectId().toHexString(), target: '/calendars/a/b' },
        'Uploaded file not found',
      );

      const bobs = await env.service.database.db.collection('twake_calendar_uploaded_files').insertOne({
        username: 'bob@twake.test',
        fileName: 'b.ics',
        mimeType: 'text/calendar',
        created: new Date(),
        size: Long.fromNumber(1),
        data: new Binary(Buffer.from('x')),
      });
      await check(
        { fileId: bobs.insertedId.toHexString(), target: '/calendars/a/b' },
        'Uploaded file not found',
      );
      const expired = await env.service.database.db.collection('twake_calendar_uploaded_files').insertOne({
        username: 'alice@twake.test',
        fileName: 'old.ics',
        mimeType: 'text/calendar',
        created: new Date(Date.now() - 2 * 3600_000),
        size: Long.fromNumber(1),
        data: new Binary(Buffer.from('x')),
      });
      await check(
        { fileId: expired.insertedId.toHexString(), target: '/calendars/a/b' },
        'Uploaded file not found',
      );
    });
  });
});
