import { randomBytes, randomUUID } from 'node:crypto';
import {
  buildHeaderValue,
  encodeWord,
  encodeWords,
  foldLines,
  hasLongerLines,
  isPlainText,
  quoteString,
} from 'nodemailer/lib/mime-funcs';
import { normalizeDomain } from 'nodemailer/lib/shared';
import { MailAddress, OutgoingMail } from './outgoing-mail';

/** A message ready for SMTP or the outbox: its envelope and its bytes (CRLF line ends). */
export interface ComposedMessage {
  envelope: { from: string; to: string[] };
  message: Buffer;
}

/** What differs between two compositions of the same mail; fixed by tests to compare whole messages. */
export interface CompositionSeed {
  messageId?: string;
  date?: Date;
  /** Shared part of the multipart boundaries (16 hex digits by default). */
  baseBoundary?: string;
}

interface Part {
  headers: string[];
  /** Body of a leaf part, already encoded; a multipart part has children instead. */
  body?: string;
  children?: Part[];
  boundary?: string;
}

/**
 * Writes the MIME layout of mail.md §5, with a plain-text alternative, straight into one buffer:
 *
 *   multipart/mixed                                          (iMIP mails; multipart/alternative is the root otherwise)
 *     multipart/alternative: text/plain, text/html[, text/calendar; method=X]
 *     application/ics meeting.ics (attachment)
 *   with a logo, the HTML part becomes multipart/related: text/html, image/png logo.png (inline, Content-ID: logo)
 *
 * The calendar goes into the alternative part (RFC 6047 §2.4), which is where mail clients look for it, and is
 * attached again as `meeting.ics`. Message-ID is `<uuid@domain of From>`; the envelope is From → To.
 *
 * The bytes are those nodemailer's MailComposer wrote for this one layout (same headers in the same order, same
 * boundaries, RFC 2047 words in base64, base64 bodies, 7bit for short ASCII text; `mime.spec.ts` compares both
 * byte for byte), with nodemailer's own header encoders, but without its tree of streams: that cost more CPU per
 * mail than anything else of the SMTP hand-over.
 */
export function composeMessage(mail: OutgoingMail, seed: CompositionSeed = {}): ComposedMessage {
  const domain = mail.from.address.slice(mail.from.address.lastIndexOf('@') + 1) || 'localhost';
  const baseBoundary = seed.baseBoundary ?? randomBytes(8).toString('hex');
  let nodes = 0;
  const multipart = (type: string, children: () => Part[]): Part => {
    const boundary = `--_NmP-${baseBoundary}-Part_${++nodes}`;
    const header = foldLines(`Content-Type: ${type}; boundary="${boundary}"`, 76);
    return { headers: [header], boundary, children: children() };
  };
  const leaf = (headers: string[], body: string): Part => {
    nodes++;
    return { headers, body };
  };

  const text = () => textPart('text/plain; charset=utf-8', mail.text, []);
  const html = () => textPart('text/html; charset=utf-8', mail.html, [`Content-Language: ${mail.language}`]);
  const inline = mail.inline ?? [];
  const htmlView = () =>
    inline.length === 0
      ? leaf(...html())
      : multipart('multipart/related; type="text/html"', () => [
          leaf(...html()),
          ...inline.map((image) =>
            leaf(
              [
                `Content-Type: ${image.contentType}; name=${fileNameParameter(image.filename)}`,
                `Content-ID: <${image.cid.replace(/[<>]/g, '')}>`,
                'Content-Transfer-Encoding: base64',
                `Content-Disposition: ${buildHeaderValue({ value: 'inline', params: { filename: image.filename } })}`,
              ],
              base64Of(image.content),
            ),
          ),
        ]);
  const calendar = mail.calendar;
  const calendarBody = calendar ? base64Of(calendar.ics) : '';
  const alternative = () =>
    multipart('multipart/alternative', () => [
      leaf(...text()),
      htmlView(),
      ...(calendar
        ? [
            leaf(
              [
                `Content-Type: text/calendar; charset=UTF-8; method=${calendar.method}`,
                'Content-Transfer-Encoding: base64',
              ],
              calendarBody,
            ),
          ]
        : []),
    ]);
  const root = calendar
    ? multipart('multipart/mixed', () => [
        alternative(),
        leaf(
          [
            'Content-Type: application/ics; name=meeting.ics',
            'Content-Transfer-Encoding: base64',
            'Content-Disposition: attachment; filename=meeting.ics',
          ],
          calendarBody,
        ),
      ])
    : alternative();

  const date = seed.date ?? new Date();
  const head = [
    `Content-Language: ${mail.language}`,
    ...(mail.autoSubmitted ? ['Auto-Submitted: auto-generated'] : []),
    foldLines(`From: ${formatAddress(mail.from)}`, 76),
    foldLines(`To: ${formatAddress(mail.to)}`, 76),
    foldLines(`Subject: ${headerText(mail.subject)}`, 76),
    `Message-ID: ${seed.messageId ?? `<${randomUUID()}@${domain}>`}`,
    `Date: ${date.toUTCString().replace(/GMT/, '+0000')}`,
    'MIME-Version: 1.0',
  ];
  const out: string[] = [];
  write({ ...root, headers: [...head, ...root.headers] }, out);
  return {
    envelope: { from: normalizeAddress(mail.from.address), to: [normalizeAddress(mail.to.address)] },
    message: Buffer.from(out.join(''), 'utf8'),
  };
}

function write(part: Part, out: string[]): void {
  out.push(part.headers.join('\r\n'), '\r\n\r\n');
  if (!part.children) {
    out.push(part.body ?? '');
    return;
  }
  part.children.forEach((child, index) => {
    out.push(index > 0 ? '\r\n' : '', '--', part.boundary ?? '', '\r\n');
    write(child, out);
  });
  out.push('\r\n--', part.boundary ?? '', '--\r\n');
}

/** A text part: 7bit when it is short-lined ASCII, base64 otherwise (nodemailer's choice with base64 text encoding). */
function textPart(contentType: string, content: string, extraHeaders: string[]): [string[], string] {
  const sevenBit = isPlainText(content) && !hasLongerLines(content, 76);
  return [
    [
      `Content-Type: ${contentType}`,
      ...extraHeaders,
      `Content-Transfer-Encoding: ${sevenBit ? '7bit' : 'base64'}`,
    ],
    sevenBit ? content.replace(/\r?\n|\r/g, '\r\n') : base64Of(content),
  ];
}

/** Base64 in lines of 76 characters (nodemailer's wrapping, without its regular expression). */
function base64Of(content: string | Buffer): string {
  const encoded = (typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64');
  const lines: string[] = [];
  for (let start = 0; start < encoded.length; start += 76) lines.push(encoded.slice(start, start + 76));
  return lines.join('\r\n');
}

/** Control characters an unstructured header cannot carry (HT stays: it is folding white space). */
// eslint-disable-next-line no-control-regex
const HEADER_CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
/** Characters an address loses (nodemailer's normalization). */
// eslint-disable-next-line no-control-regex
const ADDRESS_CONTROLS = /[\x00-\x1F\x7F<>]+/g;

/** An unstructured header value: RFC 2047 base64 words when it is not plain ASCII. */
function headerText(value: string): string {
  return HEADER_CONTROLS.test(value) ? encodeWord(value, 'B', 52) : encodeWords(value, 'B', 52, true);
}

/** An address that reads unambiguously without angle brackets (nodemailer's test). */
const PLAIN_ADDRESS = /^[^\s"(),:;<>@[\\\]]+@[^\s"(),:;<>@[\\\]]+$/;

/** RFC 5321 atext plus the non-ASCII of SMTPUTF8: a local part of these, dot-separated, is written bare. */
const DOT_ATOM =
  /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\uFFFF]+(?:\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\uFFFF]+)*$/;
const QUOTED_STRING = /^"(?:[^"\\]|\\[\s\S])*"$/;

/**
 * An address as nodemailer wrote it in headers and envelopes: controls dropped, the domain in its A-label form
 * (lower case) unless the local part is non-ASCII (SMTPUTF8), a local part that is no dot-atom quoted.
 */
function normalizeAddress(raw: string): string {
  const address = raw.replace(ADDRESS_CONTROLS, ' ').trim();
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const user = address.slice(0, at);
  let domain = address.slice(at + 1);
  try {
    domain = normalizeDomain(domain, /[\u0080-\uFFFF]/.test(user));
  } catch {
    // kept as given
  }
  return `${DOT_ATOM.test(user) || QUOTED_STRING.test(user) ? user : quoteString(user)}@${domain}`;
}

function formatAddress(address: MailAddress): string {
  const bare = normalizeAddress(address.address);
  if (!address.name) return PLAIN_ADDRESS.test(bare) ? bare : `<${bare}>`;
  return `${addressName(address.name)} <${bare}>`;
}

function addressName(name: string): string {
  if (/^[\w ]*$/.test(name)) return name;
  return /^[\x20-\x7e]*$/.test(name) ? quoteString(name) : encodeWord(name, 'B', 52);
}

/** A file name as a parameter value: bare when it is a plain token, quoted otherwise. */
function fileNameParameter(filename: string): string {
  const value = encodeWords(filename, 'B', 52, true);
  return value !== filename || /[\s'"\\;:/=(),<>@[\]?]|^-/.test(value) ? JSON.stringify(value) : value;
}
