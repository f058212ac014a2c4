import { CommandBus, EventBus } from '@nestjs/cqrs';
import { ImportCompletedEvent } from '../../apps/side-service/src/import/events/import-completed.event';
import { SendImportReportCommand } from '../../apps/side-service/src/notifications/commands/send-import-report/send-import-report.command';
import { ObjectId } from 'mongodb';
import { expectEventually } from '@app/testing';
import { calendarPart, header, icsAttachment } from './support/mail-assertions';
import { MailPipeline, mailsTo, startMailPipeline } from './support/mail-pipeline';
import { EventSpec, NOTIFICATION_EXCHANGE, NOTIFICATION_QUEUE, ics } from './support/notification-fixtures';

const ALICE = { email: 'alice@twake.test', cn: 'Alice Martin' };

function sync(overrides: Partial<EventSpec> = {}): EventSpec {
  return {
    uid: 'weekly-sync',
    summary: 'Weekly sync',
    start: '20300512T093000',
    end: '20300512T100000',
    organizer: ALICE,
    attendees: [
      { email: 'alice@twake.test', cn: 'Alice Martin', partstat: 'ACCEPTED' },
      { email: 'bob@twake.test', cn: 'Bob Durand' },
      { email: 'carol@twake.test', cn: 'Carol' },
      { email: 'dmitri@twake.test', cn: 'Dmitri Ivanov' },
      { email: 'guest@external.test' },
    ],
    location: 'Room 4',
    ...overrides,
  };
}

describe('notification mails of every kind (RabbitMQ → SMTP)', () => {
  let pipeline: MailPipeline;

  beforeAll(async () => {
    pipeline = await startMailPipeline();
  });
  afterAll(async () => {
    await pipeline?.close();
  });

  const publish = (message: object) => pipeline.vhost.publish(NOTIFICATION_EXCHANGE, message);

  it('tells an attendee what changed, with the previous title in the subject', async () => {
    await publish({
      senderEmail: 'alice@twake.test',
      recipientEmail: 'bob@twake.test',
      method: 'REQUEST',
      event: ics(
        'REQUEST',
        sync({
          summary: 'Weekly sync (moved)',
          start: '20300512T110000',
          end: '20300512T113000',
          location: 'Room 7',
          sequence: 1,
        }),
      ),
      calendarURI: 'a01',
      eventPath: '/calendars/b03/b03/weekly-sync.ics',
      changes: {
        summary: { previous: 'Weekly sync', current: 'Weekly sync (moved)' },
        location: { previous: 'Room 4', current: 'Room 7' },
        dtstart: {
          previous: {
            isAllDay: false,
            date: '2030-05-12 09:30:00.000000',
            timezone_type: 3,
            timezone: 'Europe/Paris',
          },
          current: {
            isAllDay: false,
            date: '2030-05-12 11:00:00.000000',
            timezone_type: 3,
            timezone: 'Europe/Paris',
          },
        },
        dtend: {
          previous: {
            isAllDay: false,
            date: '2030-05-12 10:00:00.000000',
            timezone_type: 3,
            timezone: 'Europe/Paris',
          },
          current: {
            isAllDay: false,
            date: '2030-05-12 11:30:00.000000',
            timezone_type: 3,
            timezone: 'Europe/Paris',
          },
        },
      },
    });
    const [mail] = await mailsTo(pipeline.smtp, 'bob@twake.test');
    expect(mail!.parsed.subject).toBe('Modifié : Weekly sync (Alice Martin)');
    const text = mail!.parsed.text!;
    expect(text).toContain('Weekly sync -> Weekly sync (moved) (modifié)');
    expect(text).toContain(
      'dimanche, 12 mai 2030 03:30 - 04:00 America/New_York -> dimanche, 12 mai 2030 05:00 - 05:30 America/New_York (modifié)',
    );
    expect(text).toContain('Room 4 -> Room 7 (modifié)');
    expect(mail!.parsed.html).toContain('<s style="color:#999">Room 4</s>');
    expect(calendarPart(mail!).calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(header(mail!, 'auto-submitted')).toBeUndefined();
  });

  it('sends nothing for a REQUEST that is neither new nor changed', async () => {
    await publish({
      senderEmail: 'alice@twake.test',
      recipientEmail: 'carol@twake.test',
      method: 'REQUEST',
      event: ics('REQUEST', sync()),
      eventPath: '/calendars/c01/c01/weekly-sync.ics',
    });
    await publish({
      senderEmail: 'alice@twake.test',
      recipientEmail: 'guest@external.test',
      method: 'REQUEST',
      event: ics('REQUEST', sync({ uid: 'marker' })),
      eventPath: '',
      isNewEvent: true,
    });
    await mailsTo(pipeline.smtp, 'guest@external.test');
    await expectEventually(async () => expect(await pipeline.vhost.messageCount(NOTIFICATION_QUEUE)).toBe(0));
    expect(pipeline.smtp.to('carol@twake.test')).toHaveLength(0);
    pipeline.smtp.clear();
  });

  it('cancels an event, with the ICS CANCEL and Auto-Submitted', async () => {
    await publish({
      senderEmail: 'alice@twake.test',
      recipientEmail: 'dmitri@twake.test',
      method: 'CANCEL',
      event: ics('CANCEL', sync({ extra: ['STATUS:CANCELLED'] })),
      calendarURI: 'a01',
      eventPath: '/calendars/d04/d04/weekly-sync.ics',
    });
    const [mail] = await mailsTo(pipeline.smtp, 'dmitri@twake.test');
    expect(mail!.parsed.subject).toBe('Отменено: Weekly sync (Alice Martin)');
    expect(header(mail!, 'content-language')).toBe('ru');
    expect(header(mail!, 'auto-submitted')).toBe('auto-generated');
    // 09:30 in Paris is 10:30 in Moscow; genitive month name.
    expect(mail!.parsed.text).toContain('воскресенье, 12 мая 2030 10:30 - 11:00 Europe/Moscow');
    expect(mail!.parsed.text).toContain('Alice Martin отменил(а) событие');
    const part = calendarPart(mail!);
    expect(part.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(icsAttachment(mail!)).toContain('METHOD:CANCEL');
    expect(mail!.parsed.html).not.toContain('/excal/');
  });

  it("sends an attendee's answer to the organizer", async () => {
    await publish({
      senderEmail: 'bob@twake.test',
      recipientEmail: 'alice@twake.test',
      method: 'REPLY',
      event: ics(
        'REPLY',
        sync({ attendees: [{ email: 'bob@twake.test', cn: 'Bob Durand', partstat: 'ACCEPTED' }] }),
      ),
      calendarURI: 'b03',
      eventPath: '/calendars/a01/a01/weekly-sync.ics',
    });
    const [mail] = await mailsTo(pipeline.smtp, 'alice@twake.test');
    expect(mail!.envelope).toEqual({ from: 'bob@twake.test', to: ['alice@twake.test'] });
    expect(mail!.parsed.from?.value).toEqual([{ address: 'bob@twake.test', name: 'Bob Durand' }]);
    expect(mail!.parsed.subject).toBe('Đã chấp nhận: Weekly sync (Bob Durand)');
    expect(header(mail!, 'auto-submitted')).toBe('auto-generated');
    expect(mail!.parsed.text).toContain('Bob Durand sẽ tham dự');
    expect(mail!.parsed.text).toContain(
      'Alice Martin <alice@twake.test> (người tổ chức), Bob Durand <bob@twake.test>',
    );
    expect(mail!.parsed.text).not.toContain('carol@twake.test');
    expect(calendarPart(mail!).calendar.getFirstPropertyValue('method')).toBe('REPLY');
    pipeline.smtp.clear();
  });

  it('drops the answer of a resource', async () => {
    const resourceId = new ObjectId();
    const domain = await pipeline.service.database.db.collection('domains').findOne({ name: 'twake.test' });
    await pipeline.service.database.db.collection('resources').insertOne({
      _id: resourceId,
      deleted: false,
      domain: domain!._id,
      name: 'Room 4',
      type: 'resource',
    });
    const room = `${resourceId.toHexString()}@twake.test`;
    await publish({
      senderEmail: room,
      recipientEmail: 'alice@twake.test',
      method: 'REPLY',
      event: ics(
        'REPLY',
        sync({ attendees: [{ email: room, cn: 'Room 4', cutype: 'RESOURCE', partstat: 'ACCEPTED' }] }),
      ),
      eventPath: '/calendars/a01/a01/weekly-sync.ics',
    });
    await publish({
      senderEmail: 'alice@twake.test',
      recipientEmail: 'guest@external.test',
      method: 'REQUEST',
      event: ics('REQUEST', sync({ uid: 'marker-2' })),
      eventPath: '',
      isNewEvent: true,
    });
    await mailsTo(pipeline.smtp, 'guest@external.test');
    await expectEventually(async () => expect(await pipeline.vhost.messageCount(NOTIFICATION_QUEUE)).toBe(0));
    expect(pipeline.smtp.to('alice@twake.test')).toHaveLength(0);
    pipeline.smtp.clear();
  });

  it('passes on a counter proposal, dated from the proposal', async () => {
    await publish({
      senderEmail: 'guest@external.test',
      recipientEmail: 'alice@twake.test',
      method: 'COUNTER',
      event: ics(
        'COUNTER',
        sync({
          start: '20300513T140000',
          end: '20300513T143000',
          comment: 'Tuesday suits me better',
          attendees: [{ email: 'guest@external.test', cn: 'Guest Star', partstat: 'TENTATIVE' }],
        }),
      ),
      oldEvent: ics(undefined, sync({ attendees: [{ email: 'guest@external.test', cn: 'Guest Star' }] })),
      calendarURI: 'a01',
      eventPath: '/calendars/a01/a01/weekly-sync.ics',
    });
    const [mail] = await mailsTo(pipeline.smtp, 'alice@twake.test');
    expect(mail!.parsed.subject).toBe('Đề xuất thời gian khác cho Weekly sync');
    const text = mail!.parsed.text!;
    expect(text).toContain('Guest Star đề xuất thay đổi sự kiện này');
    expect(text).toContain('Thời gian đề xuất: Thứ Hai, 13 tháng 5 2030 19:00 - 19:30 Asia/Ho_Chi_Minh');
    expect(text).toContain('Tuesday suits me better');
    expect(text).toContain('calendar?start=05-13-2030');
    expect(calendarPart(mail!).calendar.getFirstPropertyValue('method')).toBe('COUNTER');
    pipeline.smtp.clear();
  });

  it('summarises a recurrence and lists an organizer who also attends once', async () => {
    await publish({
      senderEmail: 'alice@twake.test',
      recipientEmail: 'carol@twake.test',
      method: 'REQUEST',
      event: ics(
        'REQUEST',
        sync({ uid: 'standup', summary: 'Standup', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=10' }),
      ),
      eventPath: '/calendars/c01/c01/standup.ics',
      isNewEvent: true,
    });
    const [mail] = await mailsTo(pipeline.smtp, 'carol@twake.test');
    // Carol has no settings: the defaults (en, Europe/Paris).
    expect(mail!.parsed.subject).toBe('Invitation from Alice Martin: Standup');
    const text = mail!.parsed.text!;
    expect(text).toContain('When: Sunday, 12 May 2030 09:30 - 10:00 Europe/Paris');
    expect(text).toContain('Repeats: every 2 weeks on Monday, Thursday 10 times');
    expect(text.match(/alice@twake\.test/g)).toHaveLength(1);
    expect(mail!.parsed.to).toMatchObject({ value: [{ address: 'carol@twake.test', name: 'Carol' }] });
    pipeline.smtp.clear();
  });

  it('invites to one overridden occurrence at its own time', async () => {
    await publish({
      senderEmail: 'alice@twake.test',
      recipientEmail: 'carol@twake.test',
      method: 'REQUEST',
      event: ics(
        'REQUEST',
        sync({
          uid: 'standup',
          summary: 'Standup (moved)',
          recurrenceId: '20300526T093000',
          start: '20300527T160000',
          end: '20300527T163000',
        }),
      ),
      eventPath: '/calendars/c01/c01/standup.ics',
      isNewEvent: true,
    });
    const [mail] = await mailsTo(pipeline.smtp, 'carol@twake.test');
    expect(mail!.parsed.text).toContain('When: Monday, 27 May 2030 16:00 - 16:30 Europe/Paris');
    expect(mail!.parsed.text).not.toContain('Repeats');
    const vevent = calendarPart(mail!).calendar.getFirstSubcomponent('vevent')!;
    expect(String(vevent.getFirstPropertyValue('recurrence-id'))).toBe('2030-05-26T09:30:00');
    pipeline.smtp.clear();
  });

  it('mails the import report with its failures and the inline logo', async () => {
    pipeline.service.api
      .get(EventBus)
      .publish(
        new ImportCompletedEvent(
          'imp-1',
          'bob@twake.test',
          'calendar',
          '/calendars/b03/b03',
          'completed',
          3,
          1,
          [{ uid: 'broken', summary: 'Broken', start: '20300101T100000', end: null }],
        ),
      );
    const [mail] = await mailsTo(pipeline.smtp, 'bob@twake.test');
    expect(mail!.envelope.from).toBe('calendar@twake.test');
    expect(mail!.parsed.subject).toBe("Votre import d'agenda est terminé");
    expect(mail!.parsed.text).toContain('3 événement(s) importé(s)');
    expect(mail!.parsed.text).toContain('broken - Broken - 20300101T100000 / ');
    const logo = mail!.parsed.attachments.find((attachment) => attachment.contentId === '<logo>');
    expect(logo).toMatchObject({ contentType: 'image/png', filename: 'logo.png' });
    // mailparser swaps the cid: reference for the inline part itself: the reference matched.
    expect(mail!.parsed.html).toContain('src="data:image/png;base64,');
    // The same import is reported once; a failed import is not reported.
    // The SMTP server may accept the mail just before the delivery is recorded as sent: poll past 'in progress'.
    await expectEventually(async () =>
      expect(
        await pipeline.service.api
          .get(CommandBus)
          .execute(new SendImportReportCommand('imp-1', 'bob@twake.test', 'calendar', 3, 1, [])),
      ).toBe('already-sent'),
    );
    pipeline.service.api
      .get(EventBus)
      .publish(
        new ImportCompletedEvent(
          'imp-2',
          'bob@twake.test',
          'contacts',
          '/addressbooks/b03/b',
          'failed',
          0,
          0,
          [],
        ),
      );
    expect(pipeline.smtp.to('bob@twake.test')).toHaveLength(1);
  });
});
