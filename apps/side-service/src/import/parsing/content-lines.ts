import { StringDecoder } from 'node:string_decoder';

/**
 * Unfolded content lines (RFC 5545 §3.1 / RFC 6350 §3.2) of a UTF-8 byte stream, CRLF or LF terminated, one at a
 * time: memory holds one chunk and one logical line, never the whole text. Blank lines are skipped.
 */
export async function* contentLines(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let current: string | undefined;
  const accept = function* (physical: string): Generator<string> {
    if (physical.startsWith(' ') || physical.startsWith('\t')) {
      if (current !== undefined) current += physical.slice(1);
      return;
    }
    if (current !== undefined && current !== '') yield current;
    current = physical;
  };
  for await (const chunk of bytes) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      yield* accept(text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end));
      start = end + 1;
    }
    rest = text.slice(start);
  }
  const last = rest + decoder.end();
  if (last !== '') yield* accept(last.endsWith('\r') ? last.slice(0, -1) : last);
  if (current !== undefined && current !== '') yield current;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let part = '';
  let size = 0;
  let limit = 75;
  for (const character of line) {
    const bytes = Buffer.byteLength(character);
    if (size + bytes > limit) {
      parts.push(part);
      part = '';
      size = 0;
      limit = 74; // continuation lines start with a space
    }
    part += character;
    size += bytes;
  }
  parts.push(part);
  return parts.join('\r\n ');
}

/** Property name of a content line (before `;` or `:`), upper-case, without its group (`item1.EMAIL` → `EMAIL`). */
export function propertyName(line: string): string {
  const end = line.search(/[;:]/);
  const name = (end < 0 ? line : line.slice(0, end)).toUpperCase();
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}

/** Value of a content line: the text after the first `:` that is not inside a quoted parameter value. */
export function propertyValue(line: string): string {
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index];
    if (character === '"') quoted = !quoted;
    else if (character === ':' && !quoted) return line.slice(index + 1);
  }
  return '';
}
