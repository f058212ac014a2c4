import ICAL from 'ical.js';
import { CalendarJson } from './calendar-json';
import { CalendarSharing } from './calendar-sharing';
import { Principal, PrincipalDirectory } from './principals';
import { Radicale } from './radicale';

const RESOURCE_OBJECT = /^\/calendars\/([0-9a-f]{24})\/\1\/([^/]+)\.ics$/i;

function partstatOf(ics: string | undefined, email: string): string | undefined {
  if (!ics) return undefined;
  const vevent = ICAL.Component.fromString(ics).getFirstSubcomponent('vevent');
  const attendee = vevent
    ?.getAllProperties('attendee')
    .find((property) => String(property.getFirstValue()).toLowerCase() === `mailto:${email}`);
  const value = attendee?.getParameter('partstat');
  return typeof value === 'string' ? value.toUpperCase() : undefined;
}

/**
 * What esn-sabre does around resources (events.md §1.2, §2.4):
 * - an iTIP REQUEST delivered to a resource publishes `resource:calendar:event:created` with the resource copy;
 * - a write of the resource copy that turns the resource's PARTSTAT into ACCEPTED or DECLINED schedules a REPLY:
 *   the organizer's copy gets the PARTSTAT and `resource:calendar:event:accepted|declined` is published with it.
 */
export class ResourceScheduling {
  constructor(
    private readonly radicale: Radicale,
    private readonly json: CalendarJson,
    private readonly directory: PrincipalDirectory,
    private readonly sharing: CalendarSharing,
  ) {}

  async afterItip(principal: Principal, text: string, status: number): Promise<void> {
    if (status !== 204 || principal.kind !== 'resource') return;
    const body = JSON.parse(text) as { uid: string; method?: string; ical: string };
    const method = String(body.method ?? /METHOD:(\w+)/.exec(body.ical)?.[1] ?? '').toUpperCase();
    if (method !== 'REQUEST') return;
    const found = await this.json.findByUid(`/calendars/${principal.id}`, body.uid);
    const item = (found?._embedded as { 'dav:item': { _links: { self: { href: string } } }[] })?.[
      'dav:item'
    ]?.[0];
    if (!item) return;
    const href = item._links.self.href;
    const stored = await this.radicale.text('GET', href);
    await this.sharing.publish('resource:calendar:event:created', {
      resourceId: principal.id,
      eventId: href.split('/').pop()!,
      eventPath: href,
      ics: stored.text,
    });
  }

  /** The resource copy before a PUT, when the path is one. */
  async before(path: string): Promise<string | undefined> {
    if (!RESOURCE_OBJECT.test(path)) return undefined;
    const current = await this.radicale.text('GET', path);
    return current.status === 200 ? current.text : undefined;
  }

  async afterPut(path: string, before: string | undefined, status: number): Promise<void> {
    const match = RESOURCE_OBJECT.exec(path);
    if (!match || status >= 300) return;
    const resourceId = match[1]!.toLowerCase();
    const stored = await this.radicale.text('GET', path);
    if (stored.status !== 200) return;
    const calendar = ICAL.Component.fromString(stored.text);
    const vevent = calendar.getFirstSubcomponent('vevent');
    const resourceAddress = vevent
      ?.getAllProperties('attendee')
      .map((property) =>
        String(property.getFirstValue())
          .toLowerCase()
          .replace(/^mailto:/, ''),
      )
      .find((address) => address.startsWith(`${resourceId}@`));
    if (!vevent || !resourceAddress) return;
    const partstat = partstatOf(stored.text, resourceAddress);
    if (partstat === partstatOf(before, resourceAddress)) return;
    if (partstat !== 'ACCEPTED' && partstat !== 'DECLINED') return;
    const organizer = String(vevent.getFirstPropertyValue('organizer') ?? '')
      .replace(/^mailto:/i, '')
      .toLowerCase();
    const owner = organizer ? await this.directory.byEmail(organizer) : undefined;
    if (!owner || owner.kind !== 'user') return;
    const uid = String(vevent.getFirstPropertyValue('uid'));
    const found = await this.json.findByUid(`/calendars/${owner.id}`, uid);
    const item = (found?._embedded as { 'dav:item': { _links: { self: { href: string } } }[] })?.[
      'dav:item'
    ]?.[0];
    if (!item) return;
    const href = item._links.self.href;
    const copy = ICAL.Component.fromString((await this.radicale.text('GET', href)).text);
    for (const event of copy.getAllSubcomponents('vevent'))
      for (const attendee of event.getAllProperties('attendee'))
        if (String(attendee.getFirstValue()).toLowerCase() === `mailto:${resourceAddress}`)
          attendee.setParameter('partstat', partstat);
    const written = await this.radicale.request('PUT', href, {
      headers: { 'content-type': 'text/calendar; charset=utf-8' },
      body: copy.toString(),
    });
    await written.body.dump();
    await this.sharing.publish(`resource:calendar:event:${partstat.toLowerCase()}`, {
      resourceId,
      eventId: uid,
      eventPath: href,
      ics: copy.toString(),
    });
  }
}
