import ICAL from 'ical.js';
import { InvalidArgumentError } from '@app/core';

export type Partstat = 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'NEEDS-ACTION';

/** A change of the first VEVENT of a calendar; returns whether it changed anything (dav.md §6.1 step 2). */
export type EventPatch = (vevent: ICAL.Component, now: Date) => boolean;

/**
 * Sets the PARTSTAT of the ATTENDEE `mailto:<email>` (case-insensitive). Unknown attendee → invalid argument; same
 * PARTSTAT → no change; otherwise SEQUENCE is incremented (set to 1 when absent) and DTSTAMP, when present, set to now.
 */
export function attendeePartstatPatch(email: string, partstat: Partstat): EventPatch {
  const target = `mailto:${email}`.toLowerCase();
  return (vevent, now) => {
    const attendee = vevent
      .getAllProperties('attendee')
      .find((property) => String(property.getFirstValue()).toLowerCase() === target);
    if (!attendee) throw new InvalidArgumentError('Attendee not found in the event', email);
    const current = attendee.getParameter('partstat');
    if (typeof current === 'string' && current.toUpperCase() === partstat) return false;
    attendee.setParameter('partstat', partstat);
    const sequence = Number(vevent.getFirstPropertyValue('sequence') ?? 0);
    vevent.updatePropertyWithValue('sequence', Number.isFinite(sequence) ? sequence + 1 : 1);
    if (vevent.getFirstProperty('dtstamp'))
      vevent.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
    return true;
  };
}
