import { InvalidArgumentError } from '@app/core';

const MAX_HEADER_BYTES = 16 * 1024;
const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data` content type, or `undefined` for any other type. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * The content of the first file part of a `multipart/form-data` body, streamed: memory holds one chunk plus a
 * boundary's length. The rest of the body is read and discarded (the connection stays usable).
 */
export async function* firstFilePart(body: AsyncIterable<Buffer>, boundary: string): AsyncGenerator<Buffer> {
  const opening = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let buffer: Buffer = Buffer.alloc(0);
  let phase: 'preamble' | 'headers' | 'file' | 'skip' | 'after' | 'done' = 'preamble';
  let found = false;
  for await (const chunk of body) {
    if (phase === 'done') continue;
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (let progress = true; progress && phase !== 'done';) {
      progress = false;
      if (phase === 'preamble') {
        const at = buffer.indexOf(opening);
        if (at < 0) {
          buffer = buffer.subarray(Math.max(0, buffer.length - opening.length));
          break;
        }
        buffer = buffer.subarray(at + opening.length);
        phase = 'after';
        progress = true;
      } else if (phase === 'after') {
        if (buffer.length < 2) break;
        if (buffer.subarray(0, 2).toString() === '--') {
          phase = 'done';
          break;
        }
        const end = buffer.indexOf(CRLF);
        if (end < 0) break;
        buffer = buffer.subarray(end + 2);
        phase = 'headers';
        progress = true;
      } else if (phase === 'headers') {
        const end = buffer.indexOf(HEADERS_END);
        if (end < 0) {
          if (buffer.length > MAX_HEADER_BYTES)
            throw new InvalidArgumentError('Invalid multipart body', 'part headers too large');
          break;
        }
        const headers = buffer.subarray(0, end).toString('utf8');
        buffer = buffer.subarray(end + HEADERS_END.length);
        phase = !found && /content-disposition:[^\r\n]*filename\*?=/i.test(headers) ? 'file' : 'skip';
        found ||= phase === 'file';
        progress = true;
      } else {
        const at = buffer.indexOf(delimiter);
        const keep = at >= 0 ? at : Math.max(0, buffer.length - delimiter.length + 1);
        if (phase === 'file' && keep > 0) yield buffer.subarray(0, keep);
        if (at < 0) {
          buffer = buffer.subarray(keep);
          break;
        }
        buffer = buffer.subarray(at + delimiter.length);
        phase = phase === 'file' ? 'done' : 'after';
        progress = true;
      }
    }
  }
  if (!found) throw new InvalidArgumentError('Invalid multipart body', 'No file part in the multipart body');
  if (phase !== 'done') throw new InvalidArgumentError('Invalid multipart body', 'Truncated multipart body');
}
