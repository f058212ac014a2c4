import ICAL from 'ical.js';
import { CalendarObjectsJson, JsonAnswer, parseInstant } from './calendar-objects-json';
import { Radicale } from './radicale';

/** One busy slot of `POST /calendars/freebusy`. */
interface BusySlot {
  uid: string;
  start: string;
  end: string;
}

/**
 * The free/busy questions of the Calendar SPA (notes/twake-calendar-spa.md): the JSON REPORT
 * `{type:'free-busy-query', match:{start,end}}` on one calendar, answered with a jCal VFREEBUSY in `data`, and
 * `POST /calendars/freebusy {start,end,users,uids}`, answered per user and calendar with its busy slots. Busy
 * means an opaque, not cancelled instance overlapping the range (recurrences expanded by Radicale).
 */
export class FreeBusyJson {
  constructor(
    private readonly radicale: Radicale,
    private readonly objects: CalendarObjectsJson,
  ) {}

  /** `REPORT /calendars/{home}/{cal}.json` with a free-busy-query. */
  async report(path: string, start: string, end: string): Promise<Record<string, unknown>> {
    const freebusy = new ICAL.Component('vfreebusy');
    freebusy.addPropertyWithValue('dtstart', utc(start));
    freebusy.addPropertyWithValue('dtend', utc(end));
    for (const slot of await this.busy(path, start, end)) {
      const period = new ICAL.Period({ start: utc(slot.start), end: utc(slot.end) });
      freebusy.addPropertyWithValue('freebusy', period);
    }
    const calendar = new ICAL.Component('vcalendar');
    calendar.addPropertyWithValue('version', '2.0');
    calendar.addPropertyWithValue('prodid', '-//esn-sabre double//EN');
    calendar.addSubcomponent(freebusy);
    return { _links: { self: { href: `${path}.json` } }, data: calendar.toJSON() };
  }

  /** `POST /calendars/freebusy`: the busy slots of every calendar of each user, less the events of `uids`. */
  async users(body: unknown): Promise<Record<string, unknown>> {
    const { start, end, users, uids } = (body ?? {}) as Record<string, unknown>;
    if (typeof start !== 'string' || typeof end !== 'string' || !Array.isArray(users))
      throw new JsonAnswer(400, 'freebusy needs start, end and users');
    const ignored = new Set(Array.isArray(uids) ? uids.map(String) : []);
    const answer = [];
    for (const user of users.map(String)) {
      if (!/^[0-9a-f]{24}$/.test(user)) continue;
      const calendars = (await this.radicale.propfind(`/calendars/${user}/`, '1', '<D:resourcetype/>')) ?? [];
      const found = [];
      for (const entry of calendars) {
        const id = entry.href.split('/').filter(Boolean)[2];
        if (!id) continue;
        const busy = await this.busy(`/calendars/${user}/${id}`, start, end);
        found.push({ id, busy: busy.filter((slot) => !ignored.has(slot.uid)) });
      }
      answer.push({ id: user, calendars: found });
    }
    return { start, end, users: answer };
  }

  private async busy(path: string, start: string, end: string): Promise<BusySlot[]> {
    const matched = await this.objects.match(path, start, end);
    const items = (matched._embedded as { 'dav:item': { data: unknown[] }[] })['dav:item'];
    const slots: BusySlot[] = [];
    for (const item of items)
      for (const vevent of new ICAL.Component(item.data).getAllSubcomponents('vevent')) {
        const transparent =
          String(vevent.getFirstPropertyValue('transp') ?? '').toUpperCase() === 'TRANSPARENT';
        const cancelled = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
        if (transparent || cancelled) continue;
        const event = new ICAL.Event(vevent);
        slots.push({
          uid: event.uid,
          start: event.startDate.toJSDate().toISOString(),
          end: event.endDate.toJSDate().toISOString(),
        });
      }
    return slots;
  }
}

const utc = (value: string) => ICAL.Time.fromJSDate(parseInstant(value), true);
