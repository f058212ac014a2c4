import { VCalendar, stripAddress, validAddress } from '@app/ical';
import { highestSequence, itipSkipReason } from './itip-skip-rules';
import { ORGANIZER, calendar, weeklySync } from '@app/testing';

const parse = (ics: string) => VCalendar.parse(ics, 'message');

describe('address normalisation (events.md §2.5)', () => {
  it.each([
    ['mailto:bob@example.org', 'bob@example.org'],
    ['  MAILTO:Bob@Example.org ', 'Bob@Example.org'],
    ['<mailto:bob@example.org>', 'bob@example.org'],
    ['<bob@example.org>', 'bob@example.org'],
    ['bob@example.org', 'bob@example.org'],
  ])('%j → %j', (raw, stripped) => {
    expect(stripAddress(raw)).toBe(stripped);
    expect(validAddress(raw)).toBe(stripped);
  });

  it.each([[''], ['   '], ['mailto:'], ['bob'], ['bob@@example.org'], [42], [null]])(
    '%j is not an address',
    (raw) => {
      expect(validAddress(raw)).toBeUndefined();
    },
  );
});

describe('skip rules (events.md §3.1 step 3)', () => {
  it('keeps a REQUEST whose only organizer is the sender, whatever the case', () => {
    const message = parse(calendar('REQUEST', weeklySync()));
    expect(itipSkipReason('REQUEST', 'mailto:ANA@example.org', message, undefined)).toBeUndefined();
    expect(itipSkipReason('REQUEST', 'bob@example.org', message, undefined)).toBe(
      'request-without-matching-organizer',
    );
  });

  it('skips a REQUEST without organizer or with two distinct organizers', () => {
    const none = parse(calendar('REQUEST', weeklySync({ ORGANIZER: null })));
    expect(itipSkipReason('REQUEST', 'ana@example.org', none, undefined)).toBe(
      'request-without-matching-organizer',
    );
    const two = parse(
      calendar(
        'REQUEST',
        weeklySync({}, ['RRULE:FREQ=DAILY;COUNT=3']),
        weeklySync({ ORGANIZER: 'ORGANIZER:mailto:eve@example.org' }, [
          'RECURRENCE-ID;TZID=Europe/Paris:20300513T093000',
        ]),
      ),
    );
    expect(itipSkipReason('REQUEST', 'ana@example.org', two, undefined)).toBe(
      'request-without-matching-organizer',
    );
    const same = parse(
      calendar(
        'REQUEST',
        weeklySync({}, ['RRULE:FREQ=DAILY;COUNT=3']),
        weeklySync({ ORGANIZER: 'ORGANIZER: MAILTO:Ana@Example.org' }, [
          'RECURRENCE-ID;TZID=Europe/Paris:20300513T093000',
        ]),
      ),
    );
    expect(itipSkipReason('REQUEST', 'ana@example.org', same, undefined)).toBeUndefined();
  });

  const reply = (partstat: string | undefined, extra: string[] = []) =>
    parse(
      calendar('REPLY', [
        'UID:weekly-sync',
        'DTSTART;TZID=Europe/Paris:20300512T093000',
        ORGANIZER,
        `ATTENDEE${partstat ? `;PARTSTAT=${partstat}` : ''}:mailto:bob@example.org`,
        ...extra,
      ]),
    );
  const organizerCopy = (partstat: string) =>
    parse(calendar(undefined, weeklySync({ BOB: `ATTENDEE;PARTSTAT=${partstat}:mailto:bob@example.org` })));

  it('skips a REPLY that does not change the sender PARTSTAT', () => {
    expect(itipSkipReason('REPLY', 'bob@example.org', reply('ACCEPTED'), organizerCopy('ACCEPTED'))).toBe(
      'reply-without-partstat-change',
    );
    expect(
      itipSkipReason('REPLY', 'bob@example.org', reply('accepted'), organizerCopy('NEEDS-ACTION')),
    ).toBeUndefined();
    expect(itipSkipReason('REPLY', 'bob@example.org', reply('ACCEPTED'), undefined)).toBeUndefined();
    expect(
      itipSkipReason('REPLY', 'bob@example.org', reply(undefined), organizerCopy('ACCEPTED')),
    ).toBeUndefined();
  });

  it('compares a reply for one occurrence with that occurrence, else with the master', () => {
    const old = parse(
      calendar(
        undefined,
        weeklySync({ BOB: 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:bob@example.org' }, ['RRULE:FREQ=WEEKLY']),
        weeklySync({ BOB: 'ATTENDEE;PARTSTAT=DECLINED:mailto:bob@example.org' }, [
          'RECURRENCE-ID;TZID=Europe/Paris:20300519T093000',
        ]),
      ),
    );
    const occurrence = (partstat: string, recurrenceId: string) =>
      reply(partstat, [`RECURRENCE-ID;TZID=Europe/Paris:${recurrenceId}`]);
    expect(itipSkipReason('REPLY', 'bob@example.org', occurrence('DECLINED', '20300519T093000'), old)).toBe(
      'reply-without-partstat-change',
    );
    expect(
      itipSkipReason('REPLY', 'bob@example.org', occurrence('ACCEPTED', '20300519T093000'), old),
    ).toBeUndefined();
    expect(itipSkipReason('REPLY', 'bob@example.org', occurrence('ACCEPTED', '20300526T093000'), old)).toBe(
      'reply-without-partstat-change',
    );
  });

  it('never skips CANCEL or COUNTER', () => {
    const message = parse(calendar('CANCEL', weeklySync({ ORGANIZER: null })));
    expect(itipSkipReason('CANCEL', 'bob@example.org', message, undefined)).toBeUndefined();
    expect(itipSkipReason('COUNTER', 'bob@example.org', message, undefined)).toBeUndefined();
  });
});

describe('sequence of POST /itip (events.md §2.6)', () => {
  it('is the highest VEVENT SEQUENCE, absent when none has one', () => {
    const message = parse(
      calendar(
        'REQUEST',
        weeklySync({ SEQUENCE: 'SEQUENCE:2' }, ['RRULE:FREQ=DAILY']),
        weeklySync({ SEQUENCE: 'SEQUENCE:5' }, ['RECURRENCE-ID;TZID=Europe/Paris:20300513T093000']),
      ),
    );
    expect(highestSequence(message)).toBe(5);
    expect(highestSequence(parse(calendar('REQUEST', weeklySync({ SEQUENCE: null }))))).toBeUndefined();
    expect(highestSequence(parse(calendar('REQUEST', weeklySync({ SEQUENCE: 'SEQUENCE:0' }))))).toBe(0);
  });
});
