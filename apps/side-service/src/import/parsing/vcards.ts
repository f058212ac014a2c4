import { RawComponent, components } from './components';
import { contentLines, foldLine, propertyName, propertyValue } from './content-lines';
import { ICAL } from '@app/ical';

/** The failure detail of a contact (rest-api.md §5.10): its first email. */
export interface FailedContact {
  email: string | null;
}

/** The vCards of a stream, one at a time. */
export function vcards(bytes: AsyncIterable<Buffer>): AsyncGenerator<RawComponent> {
  return components(contentLines(bytes), null);
}

/** The card re-serialised for import: UID replaced by `uid` (added after VERSION when absent), PRODID dropped. */
export function serializeVCard(card: RawComponent, uid: string): string {
  const lines: string[] = [];
  let placed = false;
  for (const line of card.lines) {
    const name = propertyName(line);
    if (name === 'PRODID') continue;
    if (name === 'UID') {
      if (!placed) lines.push(`UID:${uid}`);
      placed = true;
      continue;
    }
    lines.push(line);
    if (name === 'VERSION' && !placed && !card.lines.some((other) => propertyName(other) === 'UID')) {
      lines.push(`UID:${uid}`);
      placed = true;
    }
  }
  if (!placed) lines.splice(1, 0, `UID:${uid}`);
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** Why the card cannot be imported: a structural defect, or a syntax error a server would refuse. */
export function vcardDefect(card: RawComponent, text: string): string | undefined {
  if (card.defect) return card.defect;
  if (card.name !== 'VCARD') return `${card.name} is not a vCard`;
  try {
    ICAL.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function failedContact(card: RawComponent): FailedContact {
  const email = card.lines.find((line) => propertyName(line) === 'EMAIL');
  return { email: email ? propertyValue(email).trim() || null : null };
}
