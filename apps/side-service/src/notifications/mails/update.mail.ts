import { SafeHtml, markup } from '@app/mail';
import { instantOfWallTime, toIanaZone, EventInstant } from '@app/ical';
import { EventChanges, TextChange, ZonedDate } from '@app/messaging';
import {
  answerStrip,
  attendeesRow,
  displayName,
  forwardWarning,
  locationRow,
  recurrenceRow,
  resourcesRow,
  seeInCalendarUrl,
  timeRange,
} from './event-blocks';
import { EventMailInput } from './invitation.mail';
import { MailBody } from './mail-body';
import { MailContext } from './mail-context';

/** A previous date-time of `changes`: local time in its zone (mail.md §3.2); all-day values at midnight UTC. */
export function previousInstant(value: ZonedDate): EventInstant {
  const [datePart, timePart = '00:00:00'] = value.date.split(' ');
  const [year, month, day] = datePart!.split('-').map(Number) as [number, number, number];
  const [hour = 0, minute = 0, second = 0] = timePart.split(':').map((part) => Math.floor(Number(part)));
  if (value.isAllDay) return { instant: new Date(Date.UTC(year, month - 1, day)), allDay: true };
  const zone = toIanaZone(value.timezone) ?? 'UTC';
  return {
    instant: instantOfWallTime({ year, month, day, hour, minute, second }, zone),
    allDay: false,
    zone,
  };
}

function changed(previous: string, current: string, label: string): { html: SafeHtml; text: string } {
  return {
    html: markup`<s style="color:#999">${previous}</s> ➡ ${current} <em>(${label})</em>`,
    text: `${previous} -> ${current} (${label})`,
  };
}

function textRow(
  body: MailBody,
  context: MailContext,
  label: string,
  current: string | undefined,
  change?: TextChange,
): void {
  if (current) {
    if (!change) {
      body.row(label, markup`<span style="white-space:pre-line">${current}</span>`, current);
    } else if (change.previous) {
      const value = changed(change.previous, current, context.t('changed'));
      body.row(label, markup`<span style="white-space:pre-line">${value.html}</span>`, value.text);
    } else {
      body.row(
        label,
        markup`<span style="white-space:pre-line">${current}</span> <em>(${context.t('added')})</em>`,
        `${current} (${context.t('added')})`,
      );
    }
  } else if (change?.previous) {
    body.row(
      label,
      markup`<s style="color:#999">${change.previous}</s> <em>(${context.t('removed')})</em>`,
      `${change.previous} (${context.t('removed')})`,
    );
  }
}

export interface UpdateMailInput extends EventMailInput {
  changes: EventChanges;
}

/** `event-update` (mail.md §3.2): the invitation body, without the video row, with change markers. */
export function updateMail(
  context: MailContext,
  { event, internalRecipient, answers, changes }: UpdateMailInput,
) {
  const subjectSummary = changes.summary ? changes.summary.previous : event.summary;
  const subject = context.t('mail_subject', {
    summary: subjectSummary,
    organizer: displayName(event.organizer),
  });
  const body = new MailBody(context).banner(event.organizer.cn, context.t('update_event'), 'yellow');

  if (changes.summary) {
    const noTitle = context.t('no_title');
    const value = changed(
      changes.summary.previous || noTitle,
      event.summary || noTitle,
      context.t('changed'),
    );
    body.raw(markup`<h2 style="margin:0 0 12px 0;font-size:20px">${value.html}</h2>`, value.text);
  } else {
    body.heading(event.summary);
  }

  const dates = context.dates;
  const previousStart = changes.dtstart?.previous ? previousInstant(changes.dtstart.previous) : undefined;
  const previousEnd = changes.dtend?.previous ? previousInstant(changes.dtend.previous) : undefined;
  const timeChanged =
    (previousStart &&
      dates.fullDateTime(previousStart.instant) !== dates.fullDateTime(event.start.instant)) ||
    (previousEnd &&
      event.end &&
      dates.fullDateTime(previousEnd.instant) !== dates.fullDateTime(event.end.instant));
  const range = timeRange(context, event.start, event.end);
  const url = internalRecipient ? seeInCalendarUrl(context, event.start) : undefined;
  const link = url ? markup` (<a href="${url}">${context.t('see_in_calendar')}</a>)` : '';
  const linkText = url ? ` (${context.t('see_in_calendar')}: ${url})` : '';
  if (timeChanged) {
    const oldAllDay = changes.dtstart?.previous?.isAllDay ?? changes.dtend?.previous?.isAllDay ?? false;
    const oldStart = { ...(previousStart ?? event.start), allDay: oldAllDay };
    const oldEnd = previousEnd ?? event.end;
    const oldRange = timeRange(context, oldStart, oldEnd && { ...oldEnd, allDay: oldAllDay });
    const value = changed(oldRange, range, context.t('changed'));
    body.row(context.t('time'), markup`${value.html}${link}`, `${value.text}${linkText}`);
  } else {
    body.row(context.t('time'), markup`${range}${link}`, `${range}${linkText}`);
  }
  recurrenceRow(body, context, event);
  if (changes.location) textRow(body, context, context.t('location'), event.location, changes.location);
  else locationRow(body, context, event.location, 'map');
  attendeesRow(body, context, event);
  resourcesRow(body, context, event);
  textRow(body, context, context.t('notes'), event.description, changes.description);
  if (answers) answerStrip(body, context, answers);
  forwardWarning(body, context);
  return body.render(subject);
}
