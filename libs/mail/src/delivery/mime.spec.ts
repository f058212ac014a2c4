import { createTransport } from 'nodemailer';
import { simpleParser } from 'mailparser';
import { composeMessage } from './mime';
import { MailAddress, OutgoingMail } from './outgoing-mail';

const ICS = [
  'BEGIN:VCALENDAR',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  `SUMMARY:Réunion très longue ${'x'.repeat(120)}`,
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
const LOGO = Buffer.from('PNG image data '.repeat(30));

const base: OutgoingMail = {
  from: { address: 'ana@twake.test', name: 'Ana Lima' },
  to: { address: 'bob@twake.test' },
  subject: 'New event: planning',
  html: '<p>Hello</p>',
  text: 'Hello',
  language: 'en',
};

/** The mails of the service's layouts, with the header and body values that change their encoding. */
const cases: Array<[string, OutgoingMail]> = [
  ['iMIP, ASCII, short lines (7bit text parts)', { ...base, calendar: { method: 'REQUEST', ics: ICS } }],
  [
    'iMIP, non-ASCII long subject and names, long lines, auto-submitted',
    {
      ...base,
      from: { address: 'ana@twake.test', name: 'Ána Lima, "Q"' },
      to: { address: 'bob@twake.test', name: 'Bob (resource)' },
      subject: `Nouvel événement : Réunion très longue avec un titre qui dépasse ${'la ligne '.repeat(8)}`,
      html: `<p>Bonjour é</p>\n${'y'.repeat(200)}\n`,
      text: `Bonjour é\n${'y'.repeat(100)}\n`,
      language: 'fr',
      calendar: { method: 'CANCEL', ics: ICS },
      autoSubmitted: true,
    },
  ],
  [
    'iMIP, Cyrillic subject, multi-line ASCII text with LF line ends',
    {
      ...base,
      from: { address: 'ana@twake.test' },
      subject: 'Приглашение: встреча по планированию',
      text: 'Line one\nLine two\n\n.dot line\n',
      html: '<p>Привет</p>',
      language: 'ru',
      calendar: { method: 'REPLY', ics: ICS },
    },
  ],
  [
    'logo inline, no calendar (multipart/alternative root, related HTML)',
    {
      ...base,
      subject: 'Import report',
      inline: [{ cid: 'logo', filename: 'logo.png', contentType: 'image/png', content: LOGO }],
    },
  ],
  [
    'logo inline and calendar',
    {
      ...base,
      calendar: { method: 'REQUEST', ics: ICS },
      inline: [{ cid: 'logo', filename: 'logo.png', contentType: 'image/png', content: LOGO }],
    },
  ],
  [
    'image of whole base64 lines (114 bytes: two lines of 76 characters)',
    {
      ...base,
      inline: [
        { cid: 'logo', filename: 'logo.png', contentType: 'image/png', content: Buffer.alloc(114, 7) },
      ],
    },
  ],
  [
    'addresses: upper-case and internationalized domains',
    {
      ...base,
      from: { address: 'Ana@Twake.TEST', name: 'Ana' },
      to: { address: 'bob@jõgeva.ee' },
      calendar: { method: 'REQUEST', ics: ICS },
    },
  ],
  ['text and HTML only', { ...base, subject: 'Tiếng Việt: lời mời', language: 'vi' }],
];

const formatAddress = (address: MailAddress) =>
  address.name ? { name: address.name, address: address.address } : address.address;

/** The same mail composed by nodemailer's MailComposer, with the options the service gave it before. */
async function composedByNodemailer(
  mail: OutgoingMail,
  seed: { messageId: string; date: Date; baseBoundary: string },
): Promise<{ message: Buffer; envelope: { from: string; to: string[] } }> {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const headers: Record<string, string> = { 'Content-Language': mail.language };
  if (mail.autoSubmitted) headers['Auto-Submitted'] = 'auto-generated';
  const calendar = mail.calendar;
  const info = await transport.sendMail({
    messageId: seed.messageId,
    date: seed.date,
    baseBoundary: seed.baseBoundary,
    from: formatAddress(mail.from),
    to: formatAddress(mail.to),
    envelope: { from: mail.from.address, to: [mail.to.address] },
    subject: mail.subject,
    text: mail.text,
    html: { content: mail.html, headers: { 'Content-Language': mail.language } } as never,
    textEncoding: 'base64',
    headers,
    alternatives: calendar
      ? [
          {
            contentType: `text/calendar; charset=UTF-8; method=${calendar.method}`,
            content: Buffer.from(calendar.ics, 'utf8'),
            contentTransferEncoding: 'base64',
          },
        ]
      : [],
    attachments: [
      ...(calendar
        ? [
            {
              filename: 'meeting.ics',
              content: Buffer.from(calendar.ics, 'utf8'),
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
  } as never);
  return info as unknown as { message: Buffer; envelope: { from: string; to: string[] } };
}

describe('composeMessage (our MIME assembly)', () => {
  const seed = {
    messageId: '<0f6c3a52-1f4e-4a43-9f0e-1d2c3b4a5f6e@twake.test>',
    date: new Date('2026-12-04T13:14:27.000Z'),
    baseBoundary: 'd9236ecd74fee40c',
  };

  it.each(cases)('writes the bytes nodemailer wrote: %s', async (_name, mail) => {
    const ours = composeMessage(mail, seed);
    const theirs = await composedByNodemailer(mail, seed);
    expect(ours.message.toString('utf8')).toBe(theirs.message.toString('utf8'));
    expect(ours.envelope).toEqual(theirs.envelope);
  });

  it('reads back as the mail it was given (mailparser)', async () => {
    const mail = cases[1]![1];
    const composed = composeMessage(mail);
    expect(composed.envelope).toEqual({ from: 'ana@twake.test', to: ['bob@twake.test'] });
    const parsed = await simpleParser(composed.message);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.from?.value).toEqual([{ address: 'ana@twake.test', name: 'Ána Lima, "Q"' }]);
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toBe(mail.html);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.messageId).toMatch(/^<[0-9a-f-]{36}@twake\.test>$/);
    const calendarPart = parsed.attachments.find((part) => part.contentType === 'text/calendar');
    expect(calendarPart?.content.toString('utf8')).toBe(ICS);
    const attached = parsed.attachments.find((part) => part.filename === 'meeting.ics');
    expect(attached?.contentType).toBe('application/ics');
    expect(attached?.content.toString('utf8')).toBe(ICS);
  });

  it('gives every message its own Message-ID and boundaries', () => {
    const first = composeMessage(cases[0]![1]).message.toString('utf8');
    const second = composeMessage(cases[0]![1]).message.toString('utf8');
    const id = (raw: string) => /^Message-ID: (.*)$/m.exec(raw)?.[1];
    const boundary = (raw: string) => /boundary="([^"]+)"/.exec(raw)?.[1];
    expect(id(first)).not.toBe(id(second));
    expect(boundary(first)).not.toBe(boundary(second));
  });
});
