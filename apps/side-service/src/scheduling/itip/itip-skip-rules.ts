import { type ICAL, VCalendar, occurrenceKey, addressKey, organizerOf, partstatOf } from '@app/ical';

export type ItipSkipReason = 'request-without-matching-organizer' | 'reply-without-partstat-change';

/**
 * The skip rules of events.md §3.1 step 3: a REQUEST whose ICS does not have exactly one distinct organizer equal
 * to the sender; a REPLY whose sender PARTSTAT did not change against `oldMessage`.
 */
export function itipSkipReason(
  method: string,
  sender: string,
  message: VCalendar,
  oldMessage: VCalendar | undefined,
): ItipSkipReason | undefined {
  if (method === 'REQUEST') {
    const organizers = new Set(message.vevents.map(organizerOf).filter((value) => value !== undefined));
    const [organizer] = organizers;
    return organizers.size === 1 && organizer === addressKey(sender)
      ? undefined
      : 'request-without-matching-organizer';
  }
  if (method === 'REPLY') {
    const replied = message.first;
    const current = partstatOf(replied, sender);
    if (current === undefined) return undefined;
    const previous = partstatOf(oldMessage && replied && previousOf(oldMessage, message, replied), sender);
    return previous === current ? 'reply-without-partstat-change' : undefined;
  }
  return undefined;
}

/** The old VEVENT with the reply's RECURRENCE-ID (else the old master), or the first old VEVENT. */
function previousOf(oldMessage: VCalendar, message: VCalendar, replied: ICAL.Component) {
  const recurrenceId = message.value(replied, 'recurrence-id');
  if (!recurrenceId) return oldMessage.first;
  const key = occurrenceKey(message, recurrenceId);
  const same = oldMessage.vevents.find((vevent) => {
    const other = oldMessage.value(vevent, 'recurrence-id');
    return other !== undefined && occurrenceKey(oldMessage, other) === key;
  });
  return same ?? oldMessage.master();
}

/** `sequence` of `POST /itip` (events.md §2.6): the highest VEVENT SEQUENCE, `undefined` when none has one. */
export function highestSequence(message: VCalendar): number | undefined {
  let highest: number | undefined;
  for (const vevent of message.vevents) {
    const property = vevent.getFirstProperty('sequence');
    const value = property ? Number(property.toJSON()[3]) : NaN;
    if (Number.isFinite(value)) highest = highest === undefined ? value : Math.max(highest, value);
  }
  return highest;
}
