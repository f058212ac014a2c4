import { randomUUID } from 'node:crypto';
import type { ISendMailOptions } from '@nestjs-modules/mailer';
import { MailAddress, OutgoingMail } from './outgoing-mail';

const formatAddress = (address: MailAddress) =>
  address.name ? { name: address.name, address: address.address } : address.address;

/**
 * Nodemailer options writing the MIME layout of mail.md §5, with a plain-text alternative:
 *
 *   multipart/mixed
 *     multipart/alternative: text/plain, text/html[, text/calendar; method=X]
 *     application/ics meeting.ics (attachment)              (iMIP mails)
 *     image/png logo.png (inline, Content-ID: logo)          (mails with a logo)
 *
 * The calendar goes into the alternative part (RFC 6047 §2.4), which is where mail clients look for it, and is
 * attached again as `meeting.ics`. Message-ID is `<uuid@domain of From>`; the envelope is From → To.
 */
export function toMessageOptions(mail: OutgoingMail): ISendMailOptions {
  const domain = mail.from.address.slice(mail.from.address.lastIndexOf('@') + 1) || 'localhost';
  const headers: Record<string, string> = { 'Content-Language': mail.language };
  if (mail.autoSubmitted) headers['Auto-Submitted'] = 'auto-generated';
  const calendarAlternative = mail.calendar
    ? [
        {
          contentType: `text/calendar; charset=UTF-8; method=${mail.calendar.method}`,
          content: Buffer.from(mail.calendar.ics, 'utf8'),
          contentTransferEncoding: 'base64' as const,
        },
      ]
    : [];
  return {
    messageId: `<${randomUUID()}@${domain}>`,
    date: new Date(),
    from: formatAddress(mail.from),
    to: formatAddress(mail.to),
    envelope: { from: mail.from.address, to: [mail.to.address] },
    subject: mail.subject,
    text: mail.text,
    // Content-Language on the HTML part too (mail.md §5.1). Nodemailer takes a content object with part headers
    // here; the mailer module's type only names the plain string form.
    html: { content: mail.html, headers: { 'Content-Language': mail.language } } as unknown as string,
    textEncoding: 'base64',
    headers,
    alternatives: calendarAlternative,
    attachments: [
      ...(mail.calendar
        ? [
            {
              filename: 'meeting.ics',
              content: Buffer.from(mail.calendar.ics, 'utf8'),
              contentType: 'application/ics; name="meeting.ics"',
              contentDisposition: 'attachment' as const,
              contentTransferEncoding: 'base64' as const,
            },
          ]
        : []),
      ...(mail.inline ?? []).map((image) => ({
        filename: image.filename,
        content: image.content,
        contentType: image.contentType,
        cid: image.cid,
        contentDisposition: 'inline' as const,
      })),
    ],
  };
}
