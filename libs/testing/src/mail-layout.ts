/** One node of a MIME tree, read from the raw message as sent (headers unfolded, names lower-cased). */
export interface MimeNode {
  headers: Map<string, string>;
  /** Media type, lower-cased, without parameters. */
  type: string;
  params: Map<string, string>;
  body: string;
  children: MimeNode[];
}

function parseParams(value: string): { type: string; params: Map<string, string> } {
  const [type = '', ...rest] = value.split(';');
  const params = new Map<string, string>();
  for (const item of rest) {
    const at = item.indexOf('=');
    if (at < 0) continue;
    params.set(
      item.slice(0, at).trim().toLowerCase(),
      item
        .slice(at + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  return { type: type.trim().toLowerCase(), params };
}

/** Parses a raw RFC 5322 message into its MIME tree (enough for layout checks; bodies are left encoded). */
export function parseMime(raw: string): MimeNode {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const { type, params } = parseParams(headers.get('content-type') ?? 'text/plain');
  const children: MimeNode[] = [];
  const boundary = params.get('boundary');
  if (type.startsWith('multipart/') && boundary) {
    const parts = body.split(`--${boundary}`);
    for (const part of parts.slice(1)) {
      if (part.startsWith('--')) break;
      children.push(parseMime(part.replace(/^\r?\n/, '')));
    }
  }
  return { headers, type, params, body, children };
}

export function mimeParts(node: MimeNode): MimeNode[] {
  return [node, ...node.children.flatMap(mimeParts)];
}

export interface MailLayoutExpectations {
  /** The language the mail is written in; checked against both the message and the HTML part. */
  language?: string;
}

/**
 * Every header mail.md §5.1–5.3 asks of a sent message, checked on the bytes as they went out: the HTML part
 * (`text/html; charset=UTF-8`, base64, `Content-Language`), the calendar parts (method equal to the ICS METHOD,
 * `meeting.ics` attachment), the logo part, Message-ID on the From domain, Date, MIME-Version, Auto-Submitted on
 * cancellations and replies only, no Reply-To/Cc/Bcc. Returns the problems found (empty when conforming).
 */
export function mailLayoutProblems(raw: Buffer | string, expected: MailLayoutExpectations = {}): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const root = parseMime(typeof raw === 'string' ? raw : raw.toString('latin1'));
  const parts = mimeParts(root);
  const from = /<?([^<>\s]+@([^<>\s]+?))>?$/.exec(root.headers.get('from') ?? '');
  check(from !== null, `From is not an address: ${root.headers.get('from')}`);
  const fromDomain = from?.[2]?.toLowerCase() ?? '';
  const messageId = root.headers.get('message-id') ?? '';
  check(
    new RegExp(`^<[0-9a-f-]{36}@${fromDomain.replace(/\./g, '\\.')}>$`, 'i').test(messageId),
    `Message-ID ${messageId} is not <uuid@${fromDomain}>`,
  );
  check(!Number.isNaN(Date.parse(root.headers.get('date') ?? '')), 'Date is missing or invalid');
  check(root.headers.get('mime-version') === '1.0', 'MIME-Version is not 1.0');
  check(root.headers.has('to'), 'To is missing');
  check(root.headers.has('subject'), 'Subject is missing');
  for (const name of ['reply-to', 'cc', 'bcc']) check(!root.headers.has(name), `unexpected ${name} header`);
  check(/^[\x20-\x7e]*$/.test(root.headers.get('subject') ?? ''), 'Subject is not RFC 2047 encoded');

  const html = parts.filter((part) => part.type === 'text/html');
  check(html.length === 1, `expected one text/html part, found ${html.length}`);
  const language = root.headers.get('content-language');
  for (const part of html) {
    check(part.params.get('charset')?.toUpperCase() === 'UTF-8', 'HTML part charset is not UTF-8');
    check(
      part.headers.get('content-transfer-encoding')?.toLowerCase() === 'base64',
      'HTML part is not base64',
    );
    const partLanguage = part.headers.get('content-language');
    check(partLanguage !== undefined && partLanguage !== '', 'HTML part has no Content-Language');
    check(
      partLanguage === language,
      `HTML part language ${partLanguage} differs from the message's ${language}`,
    );
    if (expected.language) check(partLanguage === expected.language, `HTML part language is ${partLanguage}`);
  }

  const calendars = parts.filter((part) => part.type === 'text/calendar');
  const icsFiles = parts.filter((part) => part.type === 'application/ics');
  check(calendars.length === icsFiles.length, 'the calendar part and meeting.ics do not come together');
  let method: string | undefined;
  for (const part of calendars) {
    method = part.params.get('method');
    check(part.params.get('charset')?.toUpperCase() === 'UTF-8', 'calendar part charset is not UTF-8');
    check(
      part.headers.get('content-transfer-encoding')?.toLowerCase() === 'base64',
      'calendar part is not base64',
    );
    check(!part.headers.has('content-disposition'), 'calendar part has a disposition');
    check(!part.params.has('name'), 'calendar part has a file name');
    const ics = Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
    const icsMethod = /^METHOD:(.*)$/m.exec(ics)?.[1]?.trim();
    check(
      method !== undefined && icsMethod === method,
      `method=${method} but the ICS says METHOD:${icsMethod}`,
    );
  }
  for (const part of icsFiles) {
    check(part.params.get('name') === 'meeting.ics', 'application/ics part is not named meeting.ics');
    const disposition = parseParams(part.headers.get('content-disposition') ?? '');
    check(
      disposition.type === 'attachment' && disposition.params.get('filename') === 'meeting.ics',
      'meeting.ics is not an attachment named meeting.ics',
    );
    check(
      part.headers.get('content-transfer-encoding')?.toLowerCase() === 'base64',
      'meeting.ics is not base64',
    );
  }
  const autoSubmitted = root.headers.get('auto-submitted');
  if (method === 'CANCEL' || method === 'REPLY')
    check(autoSubmitted === 'auto-generated', `Auto-Submitted missing on a ${method}`);
  else check(autoSubmitted === undefined, `Auto-Submitted on a ${method ?? 'non-iMIP'} mail`);

  for (const logo of parts.filter((part) => part.params.get('name') === 'logo.png')) {
    check(logo.type === 'image/png', 'logo is not image/png');
    const disposition = parseParams(logo.headers.get('content-disposition') ?? '');
    check(
      disposition.type === 'inline' && disposition.params.get('filename') === 'logo.png',
      'logo is not inline logo.png',
    );
    check(/^<?logo>?$/.test(logo.headers.get('content-id') ?? ''), 'logo Content-ID is not logo');
    check(logo.headers.get('content-transfer-encoding')?.toLowerCase() === 'base64', 'logo is not base64');
  }
  return problems;
}
