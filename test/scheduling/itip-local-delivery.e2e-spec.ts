import ICAL from 'ical.js';
import { ObjectId } from 'mongodb';
import { TestSmtpServer, TestVhost, expectEventually, writeRsaKeyPair } from '@app/testing';
import {
  DavTestEnvironment,
  seedUser,
  startDavTestEnvironment,
} from '../doubles/esn-sabre/dav-test-environment';
import {
  ExchangeTap,
  ITIP_DLQ,
  ITIP_EXCHANGE,
  ITIP_QUEUE,
  NOTIFICATION_EXCHANGE,
  ics,
  localDelivery,
} from './support/itip-messages';

describe('scheduling bridge: calendar:itip:localDelivery → POST /itip → notification messages', () => {
  let vhost: TestVhost;
  let smtp: TestSmtpServer;
  let env: DavTestEnvironment;
  let notifications: ExchangeTap;
  let copies: ExchangeTap;
  const ids: Record<string, string> = {};
  const keys = writeRsaKeyPair();
  const ANA = 'ana@example.org';
  const BOB = 'bob@example.org';
  const CARLA = 'carla@example.org';
  const DAN = 'dan@partner.test';
  const uid = (name: string) => `${name}-${env.run}`;

  beforeAll(async () => {
    vhost = await TestVhost.create();
    smtp = await TestSmtpServer.start();
    env = await startDavTestEnvironment({
      ...vhost.env(),
      ...smtp.env(),
      DOMAINS: 'example.org',
      JWT_PRIVATE_KEY_PATH: keys.privateKeyPath,
      JWT_PUBLIC_KEY_PATHS: keys.publicKeyPath,
      MAIL_SENDER: 'calendar@example.org',
    });
    for (const email of [ANA, BOB, CARLA]) ids[email] = await seedUser(env.service, email, 'example.org');
    notifications = await ExchangeTap.bind(vhost.uri, NOTIFICATION_EXCHANGE);
    copies = await ExchangeTap.bind(vhost.uri, ITIP_EXCHANGE);
  });

  afterAll(async () => {
    await notifications?.close();
    await copies?.close();
    await env?.close();
    await smtp?.stop();
    await vhost?.delete();
  });

  const itipCalls = (eventUid: string) => env.dav.itip.received.filter((call) => call.uid === eventUid);
  const notificationsOf = async (eventUid: string) =>
    (await notifications.all()).filter((body) => String(body.event).includes(`UID:${eventUid}`));
  const copyOf = async (email: string, eventUid: string) => {
    const response = await env.dav.store.text(
      'GET',
      `/calendars/${ids[email]}/${ids[email]}/${eventUid}.ics`,
    );
    return response.status === 200 ? ICAL.Component.fromString(response.text) : undefined;
  };
  /** Mails to `email` whose calendar part is about `eventUid`. */
  const mailsAbout = (email: string, eventUid: string) =>
    smtp
      .to(email)
      .filter((mail) =>
        mail.parsed.attachments.some(
          (part) => part.contentType === 'text/calendar' && part.content.toString('utf8').includes(eventUid),
        ),
      );
  const attendees = [{ email: ANA, partstat: 'ACCEPTED' }, { email: BOB }, { email: CARLA }, { email: DAN }];

  it('declares the queue with its dead-letter exchange and queue', async () => {
    expect(await vhost.queueArguments(ITIP_QUEUE)).toEqual({
      'x-queue-version': 2,
      'x-dead-letter-exchange': ITIP_DLQ,
    });
    expect(await vhost.queueArguments(ITIP_DLQ)).toEqual({ 'x-queue-version': 2 });
  });

  it('fans an invitation out, delivers it to the two internal attendees and notifies all three', async () => {
    const event = uid('weekly-sync');
    const message = ics('REQUEST', { uid: event, organizer: ANA, attendees });
    await vhost.publish(
      ITIP_EXCHANGE,
      localDelivery({
        sender: ANA,
        method: 'REQUEST',
        uid: event,
        message,
        recipients: [`mailto:${BOB}`, ` <MAILTO:${CARLA}> `, `mailto:${DAN}`, 42, '  '],
        calendarId: ids[ANA],
      }),
    );
    const sent = await expectEventually(async () => {
      const found = await notificationsOf(event);
      expect(found).toHaveLength(3);
      return found;
    });
    expect(
      itipCalls(event)
        .map(({ recipient, method, sender, sequence, status }) => ({
          recipient,
          method,
          sender,
          sequence,
          status,
        }))
        .sort((a, b) => a.recipient.localeCompare(b.recipient)),
    ).toEqual([
      { recipient: BOB, method: 'REQUEST', sender: ANA, sequence: 0, status: 204 },
      { recipient: CARLA, method: 'REQUEST', sender: ANA, sequence: 0, status: 204 },
    ]);
    expect((await copyOf(BOB, event))?.getFirstSubcomponent('vevent')?.getFirstPropertyValue('uid')).toBe(
      event,
    );
    expect(await copyOf(CARLA, event)).toBeDefined();

    const byRecipient = Object.fromEntries(sent.map((body) => [body.recipientEmail, body]));
    expect(byRecipient[BOB]).toEqual({
      senderEmail: ANA,
      recipientEmail: BOB,
      method: 'REQUEST',
      event: message,
      calendarURI: ids[ANA],
      eventPath: `/calendars/${ids[BOB]}/${ids[BOB]}/${event}.ics`,
      isNewEvent: true,
    });
    expect(byRecipient[CARLA]).toMatchObject({
      eventPath: `/calendars/${ids[CARLA]}/${ids[CARLA]}/${event}.ics`,
    });
    expect(byRecipient[DAN]).toMatchObject({
      eventPath: `/calendars/${ids[ANA]}/${ids[ANA]}/${event}.ics`,
      isNewEvent: true,
    });
    // the copies went through the exchange, one per recipient, payload unchanged but the recipients
    const published = (await copies.all()).filter((body) => body.uid === event);
    expect(published.map((body) => body.recipients)).toEqual(
      expect.arrayContaining([[`mailto:${BOB}`], [` <MAILTO:${CARLA}> `], [`mailto:${DAN}`]]),
    );
    await expectEventually(() => {
      for (const email of [BOB, CARLA, DAN]) expect(mailsAbout(email, event)).toHaveLength(1);
    });
  });

  it('updates the copies when the time changes and notifies the diff', async () => {
    const event = uid('moved-sync');
    const first = ics('REQUEST', { uid: event, organizer: ANA, attendees });
    await vhost.publish(
      ITIP_EXCHANGE,
      localDelivery({
        sender: ANA,
        method: 'REQUEST',
        uid: event,
        message: first,
        recipients: [`mailto:${BOB}`],
        calendarId: ids[ANA],
      }),
    );
    await expectEventually(async () => expect(await notificationsOf(event)).toHaveLength(1));
    const moved = ics('REQUEST', {
      uid: event,
      organizer: ANA,
      attendees,
      sequence: 1,
      start: '20300512T110000',
      end: '20300512T120000',
    });
    await vhost.publish(
      ITIP_EXCHANGE,
      localDelivery({
        sender: ANA,
        method: 'REQUEST',
        uid: event,
        message: moved,
        oldMessage: ics(undefined, { uid: event, organizer: ANA, attendees }),
        recipients: [`mailto:${BOB}`],
        calendarId: ids[ANA],
      }),
    );
    const [, update] = await expectEventually(async () => {
      const found = await notificationsOf(event);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(update).toMatchObject({ method: 'REQUEST', recipientEmail: BOB });
    expect(update!.isNewEvent).toBeUndefined();
    const paris = (date: string) => ({ isAllDay: false, date, timezone_type: 3, timezone: 'Europe/Paris' });
    expect(update!.changes).toEqual({
      dtstart: {
        previous: paris('2030-05-12 09:30:00.000000'),
        current: paris('2030-05-12 11:00:00.000000'),
      },
      dtend: { previous: paris('2030-05-12 10:00:00.000000'), current: paris('2030-05-12 12:00:00.000000') },
    });
    expect(itipCalls(event).map((call) => call.sequence)).toEqual([0, 1]);
    const copy = (await copyOf(BOB, event))!.getFirstSubcomponent('vevent')!;
    expect(copy.getFirstPropertyValue('dtstart')!.toString()).toBe('2030-05-12T11:00:00');
  });

  it('delivers a reply into the organizer copy and notifies the organizer; an unchanged reply is skipped', async () => {
    const event = uid('reply-sync');
    const stored = ics(undefined, { uid: event, organizer: ANA, attendees });
    await env.dav.store.ensureCollection(`/calendars/${ids[ANA]}/`, 'plain');
    await env.dav.store.ensureCollection(`/calendars/${ids[ANA]}/${ids[ANA]}/`, 'calendar');
    await (
      await env.dav.store.request('PUT', `/calendars/${ids[ANA]}/${ids[ANA]}/${event}.ics`, { body: stored })
    ).body.dump();
    const reply = ics('REPLY', {
      uid: event,
      organizer: ANA,
      attendees: [{ email: BOB, partstat: 'ACCEPTED' }],
    });
    const body = localDelivery({
      sender: BOB,
      method: 'REPLY',
      uid: event,
      message: reply,
      oldMessage: stored,
      recipients: [`mailto:${ANA}`],
      calendarId: ids[BOB],
    });
    await vhost.publish(ITIP_EXCHANGE, body);
    const [notification] = await expectEventually(async () => {
      const found = await notificationsOf(event);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(notification).toMatchObject({
      senderEmail: BOB,
      recipientEmail: ANA,
      method: 'REPLY',
      eventPath: `/calendars/${ids[ANA]}/${ids[ANA]}/${event}.ics`,
    });
    expect(itipCalls(event)).toEqual([
      expect.objectContaining({ method: 'REPLY', recipient: ANA, sender: BOB, status: 204 }),
    ]);
    const organizerCopy = (await copyOf(ANA, event))!.getFirstSubcomponent('vevent')!;
    const bob = organizerCopy
      .getAllProperties('attendee')
      .find((p) => String(p.getFirstValue()) === `mailto:${BOB}`);
    expect(bob!.getParameter('partstat')).toBe('ACCEPTED');

    const unchanged = ics('REPLY', {
      uid: event,
      organizer: ANA,
      attendees: [{ email: BOB, partstat: 'ACCEPTED' }],
      summary: 'again',
    });
    const again = localDelivery({
      method: 'REPLY',
      uid: event,
      recipients: [`mailto:${ANA}`],
      calendarId: ids[BOB],
      message: unchanged,
      oldMessage: ics(undefined, {
        uid: event,
        organizer: ANA,
        attendees: [{ email: BOB, partstat: 'ACCEPTED' }],
      }),
      sender: BOB,
    });
    await vhost.publish(ITIP_EXCHANGE, again);
    await expectEventually(async () => expect(await vhost.messageCount(ITIP_QUEUE)).toBe(0));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(itipCalls(event)).toHaveLength(1);
    expect(await notificationsOf(event)).toHaveLength(1);
  });

  it('cancels one occurrence: the new EXDATE reaches the copy and is notified as a CANCEL of that occurrence', async () => {
    const event = uid('series');
    const series = (extra: string[], sequence = 0) => ({
      uid: event,
      organizer: ANA,
      attendees,
      sequence,
      extra: ['RRULE:FREQ=WEEKLY;COUNT=10', ...extra],
    });
    await vhost.publish(
      ITIP_EXCHANGE,
      localDelivery({
        sender: ANA,
        method: 'REQUEST',
        uid: event,
        message: ics('REQUEST', series([])),
        recipients: [`mailto:${BOB}`],
        calendarId: ids[ANA],
      }),
    );
    await expectEventually(async () => expect(await notificationsOf(event)).toHaveLength(1));
    await vhost.publish(
      ITIP_EXCHANGE,
      localDelivery({
        sender: ANA,
        method: 'REQUEST',
        uid: event,
        message: ics('REQUEST', series(['EXDATE;TZID=Europe/Paris:20300519T093000'], 1)),
        oldMessage: ics(undefined, series([])),
        recipients: [`mailto:${BOB}`],
        calendarId: ids[ANA],
      }),
    );
    const [, cancel] = await expectEventually(async () => {
      const found = await notificationsOf(event);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(cancel).toMatchObject({ method: 'CANCEL', recipientEmail: BOB });
    const occurrence = ICAL.Component.fromString(String(cancel!.event)).getFirstSubcomponent('vevent')!;
    expect(occurrence.getFirstPropertyValue('recurrence-id')!.toString()).toBe('2030-05-19T09:30:00');
    expect(occurrence.getFirstPropertyValue('status')).toBe('CANCELLED');
    const copy = (await copyOf(BOB, event))!.getFirstSubcomponent('vevent')!;
    expect(copy.getFirstProperty('exdate')).not.toBeNull();
    await expectEventually(() => {
      const mails = mailsAbout(BOB, event);
      expect(mails).toHaveLength(2);
    });
  });

  it('never calls /itip for a COUNTER and notifies the organizer with its current copy', async () => {
    const event = uid('counter');
    const current = ics(undefined, { uid: event, organizer: ANA, attendees });
    const proposal = ics('COUNTER', {
      uid: event,
      organizer: ANA,
      attendees: [{ email: BOB }],
      start: '20300513T093000',
      end: '20300513T100000',
    });
    await vhost.publish(
      ITIP_EXCHANGE,
      localDelivery({
        sender: BOB,
        method: 'COUNTER',
        uid: event,
        message: proposal,
        oldMessage: current,
        recipients: [`mailto:${ANA}`],
        calendarId: ids[BOB],
      }),
    );
    const [notification] = await expectEventually(async () => {
      const found = await notificationsOf(event);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(notification).toMatchObject({
      method: 'COUNTER',
      recipientEmail: ANA,
      senderEmail: BOB,
      oldEvent: current,
    });
    expect(itipCalls(event)).toEqual([]);
  });

  it('treats a recipient the DAV server refuses (400) as delivered, and an unknown address as external', async () => {
    const event = uid('refused');
    const eve = 'eve@example.org';
    ids[eve] = await seedUser(env.service, eve, 'example.org');
    env.dav.itip.undeliverable.add(eve);
    const message = ics('REQUEST', {
      uid: event,
      organizer: ANA,
      attendees: [{ email: eve }, { email: 'zoe@elsewhere.test' }],
    });
    for (const recipient of [eve, 'zoe@elsewhere.test'])
      await vhost.publish(
        ITIP_EXCHANGE,
        localDelivery({
          sender: ANA,
          method: 'REQUEST',
          uid: event,
          message,
          recipients: [`mailto:${recipient}`],
          calendarId: ids[ANA],
        }),
      );
    const found = await expectEventually(async () => {
      const all = await notificationsOf(event);
      expect(all).toHaveLength(2);
      return all;
    });
    const fallback = `/calendars/${ids[ANA]}/${ids[ANA]}/${event}.ics`;
    expect(found.map((body) => [body.recipientEmail, body.eventPath]).sort()).toEqual([
      [eve, fallback],
      ['zoe@elsewhere.test', fallback],
    ]);
    expect(itipCalls(event)).toEqual([expect.objectContaining({ recipient: eve, status: 400 })]);
    expect(await vhost.messageCount(ITIP_DLQ)).toBe(0);
  });

  it('delivers to a local resource without notifying it', async () => {
    const event = uid('room-booking');
    const domain = await env.service.database.db.collection('domains').findOne({ name: 'example.org' });
    const room = new ObjectId();
    await env.service.database.db.collection('resources').insertOne({
      _id: room,
      creator: new ObjectId(ids[ANA]),
      deleted: false,
      description: '4th floor',
      domain: domain!._id,
      icon: 'meeting_room',
      name: 'Room Jupiter',
      timestamps: { creation: new Date(), updatedAt: new Date() },
      type: 'resource',
    });
    const address = `${room.toHexString()}@example.org`;
    const message = ics('REQUEST', {
      uid: event,
      organizer: ANA,
      attendees: [{ email: address }, { email: BOB }],
    });
    for (const recipient of [address, BOB])
      await vhost.publish(
        ITIP_EXCHANGE,
        localDelivery({
          sender: ANA,
          method: 'REQUEST',
          uid: event,
          message,
          recipients: [`mailto:${recipient}`],
          calendarId: ids[ANA],
        }),
      );
    await expectEventually(() => expect(itipCalls(event)).toHaveLength(2));
    expect(
      itipCalls(event)
        .map((call) => call.recipient)
        .sort(),
    ).toEqual([address, BOB].sort());
    const recipients = async () => (await notificationsOf(event)).map((body) => body.recipientEmail);
    await expectEventually(async () => expect(await recipients()).toEqual([BOB]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await recipients()).toEqual([BOB]);
  });

  it('dead-letters a malformed message and processes the next one', async () => {
    const event = uid('after-poison');
    await vhost.publish(ITIP_EXCHANGE, 'not json at all');
    await vhost.publish(ITIP_EXCHANGE, { method: 'REQUEST', uid: 'x', recipients: [] });
    await vhost.publish(
      ITIP_EXCHANGE,
      localDelivery({
        sender: ANA,
        method: 'REQUEST',
        uid: event,
        message: ics('REQUEST', { uid: event, organizer: ANA, attendees }),
        recipients: [`mailto:${BOB}`],
        calendarId: ids[ANA],
      }),
    );
    await expectEventually(async () => expect(await notificationsOf(event)).toHaveLength(1));
    await expectEventually(async () => expect(await vhost.messageCount(ITIP_DLQ)).toBe(2));
    const dead = await vhost.drain(ITIP_DLQ);
    expect(dead.map((message) => message.content.toString('utf8'))).toEqual([
      'not json at all',
      JSON.stringify({ method: 'REQUEST', uid: 'x', recipients: [] }),
    ]);
  });

  it('processes a message delivered twice once: one /itip call, one notification, one mail', async () => {
    const event = uid('twice');
    const body = localDelivery({
      sender: ANA,
      method: 'REQUEST',
      uid: event,
      message: ics('REQUEST', { uid: event, organizer: ANA, attendees }),
      recipients: [`mailto:${CARLA}`],
      calendarId: ids[ANA],
    });
    await vhost.publish(ITIP_EXCHANGE, body);
    await vhost.publish(ITIP_EXCHANGE, body);
    await expectEventually(async () => expect(await notificationsOf(event)).toHaveLength(1));
    await expectEventually(() => expect(mailsAbout(CARLA, event)).toHaveLength(1));
    await expectEventually(async () => expect(await vhost.messageCount(ITIP_QUEUE)).toBe(0));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(itipCalls(event)).toHaveLength(1);
    expect(await notificationsOf(event)).toHaveLength(1);
    expect(mailsAbout(CARLA, event)).toHaveLength(1);
  });

  it('keeps a REQUEST fanned out before its CANCEL ahead of it at every recipient', async () => {
    const event = uid('short-lived');
    const message = ics('REQUEST', { uid: event, organizer: ANA, attendees });
    await vhost.publish(
      ITIP_EXCHANGE,
      localDelivery({
        sender: ANA,
        method: 'REQUEST',
        uid: event,
        message,
        recipients: [`mailto:${BOB}`, `mailto:${CARLA}`, `mailto:${DAN}`],
        calendarId: ids[ANA],
      }),
    );
    const cancel = ics('CANCEL', {
      uid: event,
      organizer: ANA,
      attendees,
      sequence: 1,
      extra: ['STATUS:CANCELLED'],
    });
    for (const recipient of [BOB, CARLA])
      await vhost.publish(
        ITIP_EXCHANGE,
        localDelivery({
          sender: ANA,
          method: 'CANCEL',
          uid: event,
          message: cancel,
          recipients: [`mailto:${recipient}`],
          calendarId: ids[ANA],
        }),
      );
    await expectEventually(() => expect(itipCalls(event)).toHaveLength(4));
    for (const recipient of [BOB, CARLA]) {
      expect(
        itipCalls(event)
          .filter((call) => call.recipient === recipient)
          .map((call) => call.method),
      ).toEqual(['REQUEST', 'CANCEL']);
      expect(await copyOf(recipient, event)).toBeUndefined();
    }
    const sent = await expectEventually(async () => {
      const found = await notificationsOf(event);
      expect(found).toHaveLength(5);
      return found;
    });
    for (const recipient of [BOB, CARLA])
      expect(sent.filter((body) => body.recipientEmail === recipient).map((body) => body.method)).toEqual([
        'REQUEST',
        'CANCEL',
      ]);
  });
});
