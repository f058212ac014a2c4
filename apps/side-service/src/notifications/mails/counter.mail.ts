import { markup } from '@app/mail';
import { EventData } from '@app/ical';
import { attendeesRow, locationRow, notesRow, resourcesRow, timeRange, timeRow } from './event-blocks';
import { MailBody } from './mail-body';
import { MailContext, RenderedMail } from './mail-context';

export interface CounterMailInput {
  /** The COUNTER's VEVENT: the proposal. */
  proposal: EventData;
  /** The current event (`oldEvent`). */
  current: EventData;
  editorName: string;
}

/** `event-counter` (mail.md §3.5): an attendee proposes another time; sent to the organizer. */
export function counterMail(
  context: MailContext,
  { proposal, current, editorName }: CounterMailInput,
): RenderedMail {
  const subject = context.t('mail_subject', { summary: current.summary });
  const body = new MailBody(context).banner(editorName, context.t('propose_change_message'), 'blue');
  const proposed = timeRange(context, proposal.start, proposal.end);
  body.raw(
    markup`<h3 style="margin:8px 0;font-size:16px">${context.t('proposal_detail')}</h3>`,
    context.t('proposal_detail'),
  );
  body.row(context.t('new_time'), markup`${proposed}`, proposed);
  if (proposal.comment)
    body.row(
      context.t('comment'),
      markup`<span style="white-space:pre-line">${proposal.comment}</span>`,
      proposal.comment,
    );
  body.heading(current.summary);
  timeRow(body, context, current, { seeInCalendar: true, linkStart: proposal.start });
  locationRow(body, context, current.location, 'link');
  attendeesRow(body, context, current);
  resourcesRow(body, context, current, true);
  notesRow(body, context, current);
  return body.render(subject);
}
