import ICAL from 'ical.js';
import { InvalidCalendarError } from './calendar-errors';
import { parseIcs, parseJcal, toJcal } from './parsing';
import { timezoneOf } from './vtimezone-cache';
import { WallTime, epochMsOfWallTime, toIanaZone, utcMsOf, wallOfUtcMs, wallTimeIn } from './time-zones';

/** A DATE or DATE-TIME value as written: its wall time and its zone. */
export interface ZonedValue {
  readonly wall: WallTime;
  readonly isDate: boolean;
  /** Written with `Z`. */
  readonly utc: boolean;
  /** The TZID parameter, when there is one (neither UTC nor floating). */
  readonly tzid?: string;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/**
 * A parsed VCALENDAR (from ICS or jCal) with the zone knowledge needed to read its times: the calendar's own
 * VTIMEZONEs (as ical.js time zones, local to this calendar so that two calendars may define the same TZID
 * differently), else `Intl` for IANA (or Windows, or vendor-prefixed) TZIDs, else UTC. Floating times and DATE
 * values are read as UTC.
 *
 * ```ts
 * const calendar = VCalendar.parse(message.rawEvent, 'rawEvent'); // or VCalendar.fromJcal(message.event, 'event')
 * const master = calendar.master();
 * const start = calendar.instantOf(calendar.value(master!, 'dtstart')!); // epoch ms
 * ```
 */
export class VCalendar {
  private readonly timezones = new Map<string, ICAL.Timezone>();

  private constructor(
    readonly root: ICAL.Component,
    private source?: string,
  ) {
    for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
      const tzid = vtimezone.getFirstPropertyValue('tzid');
      if (typeof tzid === 'string' && !this.timezones.has(tzid)) {
        // unusable definition: the TZID is then read through Intl
        const timezone = timezoneOf(vtimezone);
        if (timezone) this.timezones.set(tzid, timezone);
      }
    }
  }

  /** ICS text; throws `InvalidCalendarError` naming `field` for text that is not a VCALENDAR. */
  static parse(ics: string, field = 'calendar'): VCalendar {
    return new VCalendar(parseIcs(ics, field), ics);
  }

  /** jCal (RFC 7265, parsed JSON); throws `InvalidCalendarError` naming `field` when it is not a VCALENDAR. */
  static fromJcal(jcal: unknown, field = 'calendar'): VCalendar {
    return new VCalendar(parseJcal(jcal, field));
  }

  /** A VCALENDAR component already parsed by ical.js. */
  static of(root: ICAL.Component): VCalendar {
    if (root.name !== 'vcalendar') throw new InvalidCalendarError(`expected a VCALENDAR, got ${root.name}`);
    return new VCalendar(root);
  }

  /** ICS text: as received when parsed from ICS, else serialised (CRLF line ends, trailing CRLF). */
  get text(): string {
    this.source ??= this.root.toString() + '\r\n';
    return this.source;
  }

  /** jCal (RFC 7265) of the calendar. */
  toJcal(): unknown[] {
    return toJcal(this.root);
  }

  get vevents(): ICAL.Component[] {
    return this.root.getAllSubcomponents('vevent');
  }

  get first(): ICAL.Component | undefined {
    return this.root.getFirstSubcomponent('vevent') ?? undefined;
  }

  /** More than one VEVENT, or an RRULE on the first (events.md §3.2). */
  isRecurring(): boolean {
    const vevents = this.vevents;
    return vevents.length > 1 || Boolean(vevents[0]?.getFirstProperty('rrule'));
  }

  /** The first VEVENT without RECURRENCE-ID. */
  master(): ICAL.Component | undefined {
    return this.vevents.find((vevent) => !vevent.getFirstProperty('recurrence-id'));
  }

  /**
   * ICS of a calendar keeping only `vevent` (plus the VTIMEZONEs and the calendar properties): this calendar's own
   * text when `vevent` is its only VEVENT. `method` replaces METHOD when given.
   */
  only(vevent: ICAL.Component, method?: string): string {
    if (!method && this.vevents.length === 1 && this.vevents[0] === vevent) return this.text;
    const copy = new ICAL.Component(['vcalendar', [], []]);
    for (const property of this.root.getAllProperties()) copy.addProperty(clone(property));
    if (method) copy.updatePropertyWithValue('method', method);
    for (const vtimezone of this.root.getAllSubcomponents('vtimezone'))
      copy.addSubcomponent(clone(vtimezone));
    copy.addSubcomponent(clone(vevent));
    return copy.toString() + '\r\n';
  }

  /** The first value of a DATE/DATE-TIME property of `vevent`. */
  value(vevent: ICAL.Component, name: string): ZonedValue | undefined {
    const property = vevent.getFirstProperty(name);
    return property ? zonedValues(property)[0] : undefined;
  }

  /** Every value of every `name` property (EXDATE, RDATE: possibly several per line; periods give their start). */
  values(vevent: ICAL.Component, name: string): ZonedValue[] {
    return vevent.getAllProperties(name).flatMap(zonedValues);
  }

  /** DTEND, else DTSTART + DURATION, else nothing. */
  effectiveEnd(vevent: ICAL.Component): ZonedValue | undefined {
    const end = this.value(vevent, 'dtend');
    if (end) return end;
    const start = this.value(vevent, 'dtstart');
    let duration: unknown;
    try {
      duration = vevent.getFirstPropertyValue('duration');
    } catch {
      return undefined;
    }
    if (!start || !(duration instanceof ICAL.Duration)) return undefined;
    const time = toIcalTime(start);
    time.addDuration(duration);
    return { ...start, wall: wallOf(time) };
  }

  /** Epoch milliseconds of a value (unknown zones are read as UTC). */
  instantOf(value: ZonedValue): number {
    if (value.isDate || value.utc || !value.tzid) return utcMsOf(value.wall);
    const timezone = this.timezones.get(value.tzid);
    if (timezone) return toIcalTime({ ...value, tzid: undefined }, timezone).toUnixTime() * 1000;
    const iana = toIanaZone(value.tzid);
    return iana ? epochMsOfWallTime(value.wall, iana) : utcMsOf(value.wall);
  }

  /** The wall time of `instantMs` in the zone of `like`. */
  wallIn(instantMs: number, like: ZonedValue): WallTime {
    if (like.isDate || like.utc || !like.tzid) return wallOfUtcMs(instantMs);
    const timezone = this.timezones.get(like.tzid);
    if (timezone) return wallOf(ICAL.Time.fromJSDate(new Date(instantMs), true).convertToZone(timezone));
    const iana = toIanaZone(like.tzid);
    return iana ? wallTimeIn(instantMs, iana) : wallOfUtcMs(instantMs);
  }

  /** The zone named in notifications: `UTC` for UTC, floating and DATE values, else the IANA id or the TZID. */
  zoneName(value: ZonedValue): string {
    if (value.isDate || value.utc || !value.tzid) return 'UTC';
    return toIanaZone(value.tzid) ?? value.tzid;
  }

  /** Same zoned date-time: same kind, same wall time, same zone (the same instant in another zone differs). */
  sameZoned(a: ZonedValue | undefined, b: ZonedValue | undefined): boolean {
    if (!a || !b) return a === b;
    if (a.isDate !== b.isDate || utcMsOf(a.wall) !== utcMsOf(b.wall)) return false;
    return a.isDate || this.zoneKey(a) === this.zoneKey(b);
  }

  private zoneKey(value: ZonedValue): string {
    if (value.utc) return 'UTC';
    return value.tzid ? (toIanaZone(value.tzid) ?? value.tzid) : 'floating';
  }
}

function zonedValues(property: ICAL.Property): ZonedValue[] {
  const tzid = property.getParameter('tzid');
  const values: ZonedValue[] = [];
  let raws: unknown[];
  try {
    raws = property.getValues() as unknown[];
  } catch {
    return []; // unparsable value: absent
  }
  for (const raw of raws) {
    const time = raw instanceof ICAL.Period ? raw.start : raw;
    if (!(time instanceof ICAL.Time)) continue;
    const utc = !time.isDate && time.zone?.tzid === 'UTC';
    values.push({
      wall: wallOf(time),
      isDate: time.isDate,
      utc,
      ...(typeof tzid === 'string' && tzid && !utc && !time.isDate ? { tzid } : {}),
    });
  }
  return values;
}

export function wallOf(time: ICAL.Time): WallTime {
  return {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    second: time.isDate ? 0 : time.second,
  };
}

/** An ical.js time for the value: UTC zone for `Z` values, else zoneless (the TZID goes in a parameter). */
export function toIcalTime(value: ZonedValue, zone?: ICAL.Timezone): ICAL.Time {
  return new ICAL.Time(
    { ...value.wall, isDate: value.isDate },
    zone ?? (value.utc ? ICAL.Timezone.utcTimezone : undefined)!,
  );
}

/** A DATE/DATE-TIME property carrying `value` (TZID parameter included). */
export function zonedProperty(name: string, value: ZonedValue): ICAL.Property {
  const property = new ICAL.Property(name);
  if (value.tzid) property.setParameter('tzid', value.tzid);
  property.setValue(toIcalTime(value));
  return property;
}

/** `yyyy-MM-dd HH:mm:ss.000000`, the wall time as written. */
export function formatWall(wall: WallTime): string {
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)} ` +
    `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}.000000`
  );
}

/** A key identifying a RECURRENCE-ID (its instant, or its date for DATE values). */
export function occurrenceKey(calendar: VCalendar, value: ZonedValue): string {
  const wall = value.wall;
  return value.isDate
    ? `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}`
    : String(calendar.instantOf(value));
}

export function clone<T extends ICAL.Component | ICAL.Property>(item: T): T {
  const json = JSON.parse(JSON.stringify(item.toJSON())) as unknown[];
  return (item instanceof ICAL.Component ? new ICAL.Component(json) : new ICAL.Property(json)) as T;
}
