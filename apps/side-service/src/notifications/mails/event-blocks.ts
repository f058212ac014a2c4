import { DateFormatter, SafeHtml, markup } from '@app/mail';
import { wallTimeIn, EventData, Person, EventInstant } from '@app/ical';
import { MailBody } from './mail-body';
import { MailContext } from './mail-context';
import { recurrenceSummary } from './recurrence-summary';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The time range of mail.md §2.2: `fullDateTime(start) - time(end)` on one day, else both full; the zone id
 * follows. All-day events: `fullDate(start)` or `fullDate(start) - fullDate(end)`, then the all-day label.
 */
export function timeRange(
  context: MailContext,
  start: EventInstant,
  end: EventInstant | undefined,
  dates: DateFormatter = context.dates,
): string {
  if (start.allDay) {
    // All-day dates are calendar dates: shown as written, not shifted into the recipient's zone.
    const days = new DateFormatter(dates.language, 'UTC');
    const first = days.fullDate(start.instant);
    const range =
      end && days.date(end.instant) !== days.date(start.instant)
        ? `${first} - ${days.fullDate(end.instant)}`
        : first;
    return `${range} (${context.t('all_day')})`;
  }
  const from = dates.fullDateTime(start.instant);
  if (!end) return `${from} - ${dates.zone}`;
  const to =
    dates.date(end.instant) === dates.date(start.instant)
      ? dates.time(end.instant)
      : dates.fullDateTime(end.instant);
  return `${from} - ${to} ${dates.zone}`;
}

/** `{spa.calendar.url}/calendar/#/calendar?start=MM-dd-yyyy`, dated in the event's own zone. */
export function seeInCalendarUrl(context: MailContext, start: EventInstant): string {
  const wall = wallTimeIn(start.instant, start.allDay ? 'UTC' : (start.zone ?? 'UTC'));
  return `${context.links.spaCalendarUrl}/calendar/#/calendar?start=${pad(wall.month)}-${pad(wall.day)}-${wall.year}`;
}

export function mapUrl(location: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(location)}`;
}

export function displayName(person: Person): string {
  return person.cn || person.email;
}

function personLine(person: Person): string {
  return person.cn ? `${person.cn} <${person.email}>` : `<${person.email}>`;
}

export interface TimeRowOptions {
  seeInCalendar: boolean;
  /** Start the link is dated from (the counter mail dates it from the proposal). */
  linkStart?: EventInstant;
}

export function timeRow(
  body: MailBody,
  context: MailContext,
  event: EventData,
  options: TimeRowOptions,
): void {
  const range = timeRange(context, event.start, event.end);
  if (!options.seeInCalendar) {
    body.row(context.t('time'), markup`${range}`, range);
    return;
  }
  const url = seeInCalendarUrl(context, options.linkStart ?? event.start);
  const label = context.t('see_in_calendar');
  body.row(
    context.t('time'),
    markup`${range} (<a href="${url}">${label}</a>)`,
    `${range} (${label}: ${url})`,
  );
}

function isAbsoluteUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value.trim());
}

/** Map mode: the text and a "see in map" link; link mode: an absolute URL becomes a hyperlink (mail.md §2.3). */
export function locationRow(
  body: MailBody,
  context: MailContext,
  location: string | undefined,
  mode: 'map' | 'link',
): void {
  if (!location) return;
  if (mode === 'link') {
    const value = isAbsoluteUrl(location)
      ? markup`<a href="${location.trim()}">${location}</a>`
      : markup`${location}`;
    body.row(context.t('location'), value, location);
    return;
  }
  const url = mapUrl(location);
  const label = context.t('see_in_map');
  body.row(
    context.t('location'),
    markup`${location} (<a href="${url}">${label}</a>)`,
    `${location} (${label}: ${url})`,
  );
}

export function videoRow(body: MailBody, context: MailContext, event: EventData): void {
  if (!event.videoConferenceLink) return;
  const link = event.videoConferenceLink;
  body.row(context.t('videoconferencelink'), markup`<a href="${link}">${link}</a>`, link);
}

/** The organizer first with its label, then every other attendee; PARTSTAT is never shown. */
export function attendeesRow(
  body: MailBody,
  context: MailContext,
  event: EventData,
  attendees = event.attendees,
): void {
  const lines: { html: SafeHtml; text: string }[] = [];
  const organizerLabel = context.t('organizer');
  if (event.organizer.email) {
    const line = personLine(event.organizer);
    lines.push({ html: markup`${line} <em>(${organizerLabel})</em>`, text: `${line} (${organizerLabel})` });
  }
  for (const attendee of attendees) {
    if (attendee.email === event.organizer.email) continue;
    const line = personLine(attendee);
    lines.push({ html: markup`${line}`, text: line });
  }
  if (lines.length === 0) return;
  body.row(
    context.t('attendees'),
    markup`${lines.map((line, index) => markup`${index > 0 ? new SafeHtml('<br>') : ''}${line.html}`)}`,
    lines.map((line) => line.text).join(', '),
  );
}

export function resourcesRow(
  body: MailBody,
  context: MailContext,
  event: EventData,
  addressFallback = false,
): void {
  if (event.resources.length === 0) return;
  const names = event.resources
    .map((resource) => (addressFallback ? displayName(resource) : resource.cn))
    .join(', ');
  body.row(context.t('resources'), markup`${names}`, names);
}

export function notesRow(body: MailBody, context: MailContext, event: EventData): void {
  if (!event.description) return;
  body.row(
    context.t('notes'),
    markup`<span style="white-space:pre-line">${event.description}</span>`,
    event.description,
  );
}

export function recurrenceRow(body: MailBody, context: MailContext, event: EventData): void {
  if (!event.recurrence) return;
  const summary = recurrenceSummary(context, event.recurrence);
  body.row(context.t('repeats'), markup`${summary}`, summary);
}

export interface AnswerLinks {
  yes: string;
  maybe: string;
  no: string;
}

export function answerStrip(body: MailBody, context: MailContext, links: AnswerLinks): void {
  body.buttons(context.t('attend_event'), [
    { label: context.t('yes'), url: links.yes },
    { label: context.t('maybe'), url: links.maybe },
    { label: context.t('no'), url: links.no },
  ]);
}

export function forwardWarning(body: MailBody, context: MailContext): void {
  body.warning(context.t('forward_warning'));
}
