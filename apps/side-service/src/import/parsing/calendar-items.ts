import { createHash } from 'node:crypto';
import { RawComponent, components } from './components';
import { contentLines } from './content-lines';

/** What can be imported from an iCalendar file: each UID's events or tasks (master and overrides together). */
export interface CalendarItem {
  uid?: string;
  components: RawComponent[];
  /** VTIMEZONEs referenced by the components' TZID parameters. */
  timezones: RawComponent[];
  /** Why the item cannot be imported as it is (the DAV server is not asked). */
  defect?: string;
}

const SCHEDULABLE = new Set(['VEVENT', 'VTODO']);
const TZID = /;TZID=("[^"]*"|[^;:]*)/gi;

/**
 * Two streaming passes over the file, so that memory holds an index and the items being assembled, not the file:
 * the first counts the components of each UID and keeps the VTIMEZONEs; the second assembles each UID's components
 * and yields the item as soon as all of them were seen (at once for the usual layout, where overrides follow their
 * master). Components without UID, and structurally broken ones, are yielded alone with a defect.
 */
export async function* calendarItems(read: () => AsyncIterable<Buffer>): AsyncGenerator<CalendarItem> {
  // Keyed by a 48-bit digest of the UID, so that the index holds numbers, not 300 000 strings (nor, through
  // V8's sliced strings, the decoded chunks they were cut from). A collision only delays an item to the end.
  const expected = new Map<number, number>();
  const timezones = new Map<string, RawComponent>();
  for await (const component of components(contentLines(read()), 'VCALENDAR')) {
    if (component.name === 'VTIMEZONE' && !component.defect) {
      const tzid = component.lines.find((line) => /^TZID[;:]/i.test(line));
      if (tzid)
        timezones.set(detached(tzid.slice(tzid.indexOf(':') + 1).trim()), detachedComponent(component));
    } else if (SCHEDULABLE.has(component.name) && component.uid && !component.defect) {
      const key = uidKey(component.uid);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
  }

  const pending = new Map<string, RawComponent[]>();
  const item = (uid: string | undefined, parts: RawComponent[], defect?: string): CalendarItem => ({
    uid,
    components: parts,
    timezones: referencedTimezones(parts, timezones),
    defect,
  });
  for await (const component of components(contentLines(read()), 'VCALENDAR')) {
    if (!SCHEDULABLE.has(component.name)) continue;
    if (component.defect || !component.uid) {
      yield item(component.uid, [component], component.defect ?? `${component.name} without UID`);
      continue;
    }
    const parts = pending.get(component.uid) ?? [];
    parts.push(component);
    if (parts.length >= (expected.get(uidKey(component.uid)) ?? 1)) {
      pending.delete(component.uid);
      yield item(component.uid, parts);
    } else {
      pending.set(component.uid, parts);
    }
  }
  // Only when the file changed between the passes.
  for (const [uid, parts] of pending) yield item(uid, parts);
}

function referencedTimezones(parts: RawComponent[], timezones: Map<string, RawComponent>): RawComponent[] {
  const ids = new Set<string>();
  for (const part of parts)
    for (const line of part.lines)
      for (const match of line.matchAll(TZID)) ids.add(match[1]!.replace(/^"|"$/g, ''));
  return [...ids].flatMap((id) => (timezones.has(id) ? [timezones.get(id)!] : []));
}

function uidKey(uid: string): number {
  return createHash('md5').update(uid).digest().readUIntBE(0, 6);
}

/** A copy that does not keep alive the larger string it was sliced from. */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function detachedComponent(component: RawComponent): RawComponent {
  return {
    ...component,
    lines: component.lines.map(detached),
    uid: component.uid && detached(component.uid),
  };
}
