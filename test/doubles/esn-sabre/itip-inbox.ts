import ICAL from 'ical.js';
import { CalendarJson } from './calendar-json';
import { Principal } from './principals';
import { Radicale } from './radicale';

/** One `POST /itip` the double accepted, for assertions. */
export interface ItipReceived {
  method: string;
  uid: string;
  sender: string;
  recipient: string;
  sequence?: number;
  status: number;
}

interface ItipBody {
  uid?: unknown;
  sender?: unknown;
  recipient?: unknown;
  ical?: unknown;
  method?: unknown;
  sequence?: unknown;
}

const recurrenceKey = (vevent: ICAL.Component) => {
  const value = vevent.getFirstProperty('recurrence-id')?.getFirstValue() as ICAL.Time | undefined;
  return value ? String(value.toUnixTime()) : 'master';
};

/**
 * esn-sabre's `POST /itip` (dav.md §5.8), applied to the recipient's calendars in Radicale with standard CalDAV
 * requests: REQUEST creates or updates the recipient's copy (in the default calendar when new), CANCEL deletes it
 * (or excludes the cancelled occurrences), REPLY sets the sender's PARTSTAT in the organizer's copy.
 */
export class ItipInbox {
  readonly received: ItipReceived[] = [];
  /** Recipients the double refuses to deliver to (400), as esn-sabre does for recipients it cannot serve. */
  readonly undeliverable = new Set<string>();

  constructor(
    private readonly radicale: Radicale,
    private readonly json: CalendarJson,
  ) {}

  /** Returns the HTTP status of the answer. */
  async deliver(principal: Principal, text: string): Promise<number> {
    let body: ItipBody;
    try {
      body = JSON.parse(text) as ItipBody;
    } catch {
      return 400;
    }
    const { uid, sender, recipient, ical } = body;
    if (
      typeof uid !== 'string' ||
      typeof sender !== 'string' ||
      typeof recipient !== 'string' ||
      typeof ical !== 'string'
    )
      return 400;
    if (principal.kind === 'technical' || principal.email !== recipient.toLowerCase()) return 403;
    let message: ICAL.Component;
    try {
      message = ICAL.Component.fromString(ical);
    } catch {
      return 400;
    }
    const method = String(body.method ?? message.getFirstPropertyValue('method') ?? '').toUpperCase();
    const status = this.undeliverable.has(recipient.toLowerCase())
      ? 400
      : await this.apply(principal.id, method, uid, sender, message);
    this.received.push({
      method,
      uid,
      sender,
      recipient,
      ...(typeof body.sequence === 'number' ? { sequence: body.sequence } : {}),
      status,
    });
    return status;
  }

  private async apply(
    homeId: string,
    method: string,
    uid: string,
    sender: string,
    message: ICAL.Component,
  ): Promise<number> {
    const { existing, href } = await this.find(homeId, uid);
    message.removeAllProperties('method');
    const incoming = message.getAllSubcomponents('vevent');
    if (method === 'REQUEST') {
      if (!existing || incoming.some((vevent) => recurrenceKey(vevent) === 'master'))
        return this.put(href, message);
      for (const vevent of incoming) replaceOccurrence(existing, vevent);
      return this.put(href, existing);
    }
    if (method === 'CANCEL') {
      if (!existing) return 204;
      if (incoming.some((vevent) => recurrenceKey(vevent) === 'master')) {
        const response = await this.radicale.request('DELETE', href);
        await response.body.dump();
        return 204;
      }
      const master = existing
        .getAllSubcomponents('vevent')
        .find((vevent) => recurrenceKey(vevent) === 'master');
      for (const vevent of incoming) {
        const recurrenceId = vevent.getFirstProperty('recurrence-id')!;
        for (const other of existing.getAllSubcomponents('vevent'))
          if (recurrenceKey(other) === recurrenceKey(vevent)) existing.removeSubcomponent(other);
        if (master) {
          const exdate = new ICAL.Property('exdate', master);
          const tzid = recurrenceId.getParameter('tzid');
          if (tzid) exdate.setParameter('tzid', tzid);
          exdate.setValue(recurrenceId.getFirstValue() as ICAL.Time);
          master.addProperty(exdate);
        }
      }
      return this.put(href, existing);
    }
    if (method === 'REPLY') {
      if (!existing) return 204;
      const replier = `mailto:${sender.toLowerCase()}`;
      for (const vevent of incoming) {
        const partstat = vevent
          .getAllProperties('attendee')
          .find((attendee) => String(attendee.getFirstValue()).toLowerCase() === replier)
          ?.getParameter('partstat');
        const target =
          existing
            .getAllSubcomponents('vevent')
            .find((other) => recurrenceKey(other) === recurrenceKey(vevent)) ??
          existing.getAllSubcomponents('vevent').find((other) => recurrenceKey(other) === 'master');
        const attendee = target
          ?.getAllProperties('attendee')
          .find((property) => String(property.getFirstValue()).toLowerCase() === replier);
        if (attendee && typeof partstat === 'string') attendee.setParameter('partstat', partstat);
      }
      return this.put(href, existing);
    }
    return 400;
  }

  /** The recipient's copy: under its usual name in the default calendar, else anywhere in the home by UID. */
  private async find(homeId: string, uid: string): Promise<{ existing?: ICAL.Component; href: string }> {
    const usual = `/calendars/${homeId}/${homeId}/${encodeURIComponent(uid)}.ics`;
    const direct = await this.radicale.text('GET', usual);
    if (direct.status === 200) return { existing: ICAL.Component.fromString(direct.text), href: usual };
    const found = await this.json.findByUid(`/calendars/${homeId}`, uid);
    const item = (
      found?._embedded as { 'dav:item': { _links: { self: { href: string } }; data: unknown[] }[] }
    )?.['dav:item']?.[0];
    return item ? { existing: new ICAL.Component(item.data), href: item._links.self.href } : { href: usual };
  }

  private async put(href: string, calendar: ICAL.Component): Promise<number> {
    const response = await this.radicale.request('PUT', href, {
      headers: { 'content-type': 'text/calendar; charset=utf-8' },
      body: calendar.toString(),
    });
    const text = await response.body.text();
    if (response.status >= 300) throw new Error(`PUT ${href}: ${response.status} ${text}`);
    return 204;
  }
}

function replaceOccurrence(existing: ICAL.Component, vevent: ICAL.Component): void {
  for (const other of existing.getAllSubcomponents('vevent'))
    if (recurrenceKey(other) === recurrenceKey(vevent)) existing.removeSubcomponent(other);
  existing.addSubcomponent(vevent);
}
