import { EventData, Person } from '@app/ical';
import { attendeesRow, locationRow, notesRow, resourcesRow, timeRow } from './event-blocks';
import { BannerColor, MailBody } from './mail-body';
import { MailContext, RenderedMail } from './mail-context';

export interface ReplyMailInput {
  event: EventData;
  /** The first ATTENDEE of the reply. */
  replier: Person;
  /** Attendee CN, else the replier's user-record name, else the address. */
  participantName: string;
}

const COLORS: Record<string, BannerColor> = { ACCEPTED: 'green', DECLINED: 'red', TENTATIVE: 'yellow' };

/** `event-reply` (mail.md §3.4): an attendee answered; sent to the organizer. */
export function replyMail(
  context: MailContext,
  { event, replier, participantName }: ReplyMailInput,
): RenderedMail {
  const partstat = (replier.partstat ?? '').toLowerCase();
  const subject = context.t('mail_subject', {
    partStatDisplay: context.t(partstat),
    summary: event.summary,
    participant: participantName,
  });
  const body = new MailBody(context)
    .banner(
      participantName,
      context.t(`reply_message_${partstat}`),
      COLORS[partstat.toUpperCase()] ?? 'green',
    )
    .heading(event.summary);
  timeRow(body, context, event, { seeInCalendar: true });
  locationRow(body, context, event.location, 'link');
  attendeesRow(body, context, event, [replier]);
  resourcesRow(body, context, event, true);
  notesRow(body, context, event);
  return body.render(subject);
}
