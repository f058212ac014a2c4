import { JsonAnswer, connectedUserOf } from './calendar-objects-json';
import type { Principal } from './principals';
import { Radicale } from './radicale';

type Publish = (exchange: string, body: Record<string, unknown>) => Promise<void>;

/**
 * `POST /calendars/{home}/{cal}/{uid}.ics` with `X-Http-Method-Override: ITIP`: the SPA's counter proposal
 * (notes/twake-calendar-spa.md), body `{ical, sender, recipient, uid, sequence, method}`. esn-sabre sends it with
 * the ITIP verb as a `calendar:itip:localDelivery` message (events.md §1.2, §2.5): sender the attendee, recipient
 * the organizer, `oldMessage` the copy the proposal is about. Answers 204.
 */
export async function counterProposal(
  radicale: Radicale,
  publish: Publish,
  principal: Principal,
  path: string,
  text: string,
): Promise<number> {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new JsonAnswer(400, 'ITIP body is not JSON');
  }
  const { ical, sender, recipient, uid, method } = body;
  for (const [name, value] of Object.entries({ ical, sender, recipient, uid }))
    if (typeof value !== 'string' || value.trim() === '') throw new JsonAnswer(400, `ITIP needs ${name}`);
  const current = await radicale.text('GET', path);
  if (current.status !== 200) throw new JsonAnswer(404, `Could not find node at path: ${path.slice(1)}`);
  await publish('calendar:itip:localDelivery', {
    sender: `mailto:${String(sender).replace(/^mailto:/i, '')}`,
    method: typeof method === 'string' ? method.toUpperCase() : 'COUNTER',
    uid,
    message: ical,
    oldMessage: current.text,
    hasChange: true,
    recipients: [`mailto:${String(recipient).replace(/^mailto:/i, '')}`],
    calendarId: path.split('/')[3],
    connectedUser: connectedUserOf(principal),
  });
  return 204;
}
