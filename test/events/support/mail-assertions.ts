import ICAL from 'ical.js';
import { decodeJwt } from 'jose';
import type { CapturedMail } from '@app/testing';

/** The text/calendar part of a captured mail, parsed back, with the METHOD of its Content-Type. */
export function calendarPart(mail: CapturedMail): {
  contentType: string;
  calendar: ICAL.Component;
  text: string;
} {
  const part = mail.parsed.attachments.find((attachment) => attachment.contentType === 'text/calendar');
  if (!part) throw new Error('no text/calendar part');
  const text = part.content.toString('utf8');
  const parsed = ICAL.parse(text) as unknown[];
  return {
    contentType: String(
      part.headers.get('content-type') ? JSON.stringify(part.headers.get('content-type')) : '',
    ),
    calendar: new ICAL.Component(parsed),
    text,
  };
}

export function icsAttachment(mail: CapturedMail): string | undefined {
  return mail.parsed.attachments
    .find((attachment) => attachment.filename === 'meeting.ics')
    ?.content.toString('utf8');
}

export function header(mail: CapturedMail, name: string): string | undefined {
  const value = mail.parsed.headers.get(name) as unknown;
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'value' in value)
    return String((value as { value: unknown }).value);
  return String(value);
}

/** The excal links of the answer strip (yes, maybe, no) with their decoded token claims. */
export function answerLinks(mail: CapturedMail): { url: string; claims: Record<string, unknown> }[] {
  const urls = [...String(mail.parsed.html).matchAll(/href="([^"]*\/excal\/\?jwt=[^"]+)"/g)].map((match) =>
    match[1]!.replace(/&amp;/g, '&'),
  );
  return urls.map((url) => ({ url, claims: decodeJwt(new URL(url).searchParams.get('jwt')!) }));
}
