import ICAL from 'ical.js';
import { isValidMailAddress } from '@app/core';

/** Address normalisation of events.md §2.5: trim, strip `<`/`>`, strip a case-insensitive `mailto:`. */
export function stripAddress(raw: string): string {
  return raw
    .trim()
    .replace(/[<>]/g, '')
    .trim()
    .replace(/^mailto:/i, '')
    .trim();
}

/** The stripped address when it is a valid e-mail address, else `undefined`. */
export function validAddress(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const stripped = stripAddress(raw);
  return isValidMailAddress(stripped) ? stripped : undefined;
}

/** Key under which addresses are compared: stripped (events.md §2.5) and lower-cased. */
export function addressKey(raw: string): string {
  return stripAddress(raw).toLowerCase();
}

/** The ORGANIZER of a VEVENT, stripped and lower-cased. */
export function organizerOf(vevent: ICAL.Component): string | undefined {
  const value = vevent.getFirstPropertyValue('organizer');
  return typeof value === 'string' && value.trim() ? addressKey(value) : undefined;
}

/** The ATTENDEE property whose address is `address` (case-insensitive). */
export function attendeeOf(vevent: ICAL.Component, address: string): ICAL.Property | undefined {
  const key = addressKey(address);
  return vevent
    .getAllProperties('attendee')
    .find((property) => addressKey(String(property.getFirstValue() ?? '')) === key);
}

/** The PARTSTAT of that attendee, upper-cased; `undefined` when the attendee or the parameter is absent. */
export function partstatOf(vevent: ICAL.Component | undefined, address: string): string | undefined {
  const value = vevent ? attendeeOf(vevent, address)?.getParameter('partstat') : undefined;
  return typeof value === 'string' && value ? value.toUpperCase() : undefined;
}

/** *Attends* (events.md §3.2): an ATTENDEE value (resources included) contains the address, case-insensitively. */
export function attends(vevent: ICAL.Component | undefined, address: string): boolean {
  if (!vevent) return false;
  const needle = addressKey(address);
  return vevent.getAllProperties('attendee').some((property) =>
    String(property.getFirstValue() ?? '')
      .toLowerCase()
      .includes(needle),
  );
}
