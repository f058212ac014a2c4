import { IncomingMessage, ServerResponse } from 'node:http';
import ICAL from 'ical.js';
import { Radicale } from './radicale';

/** Properties whose `time-range` prop-filters Radicale does not evaluate but sabre/dav evaluates (dav.md §6.2). */
const PROPERTY_RANGE =
  /<(\w+:)?prop-filter name="(DTSTART|DTSTAMP|LAST-MODIFIED)">\s*<(\w+:)?time-range end="(\d{8}T\d{6}Z)"\s*\/>\s*<\/(\w+:)?prop-filter>/g;

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#13;/g, '\r')
    .replace(/&amp;/g, '&');

const instantOf = (stamp: string) =>
  Date.UTC(
    +stamp.slice(0, 4),
    +stamp.slice(4, 6) - 1,
    +stamp.slice(6, 8),
    +stamp.slice(9, 11),
    +stamp.slice(11, 13),
    +stamp.slice(13, 15),
  );

/** Some VEVENT of the object has every property of `ranges` set before its bound. */
function matches(ics: string, ranges: [string, number][]): boolean {
  let vevents: ICAL.Component[];
  try {
    vevents = new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents('vevent');
  } catch {
    return false;
  }
  return vevents.some((vevent) =>
    ranges.every(([name, end]) => {
      const value = vevent.getFirstPropertyValue(name.toLowerCase());
      return value instanceof ICAL.Time && value.toJSDate().getTime() < end;
    }),
  );
}

/**
 * calendar-query REPORTs on a calendar: time ranges on DTSTART, DTSTAMP and LAST-MODIFIED (which Radicale does not evaluate on properties)
 * are removed from the query sent to Radicale and applied to its answer, as sabre/dav would. Other REPORTs go through
 * unchanged.
 */
export async function calendarQueryReport(
  radicale: Radicale,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const ranges: [string, number][] = [];
  const forwarded = body.replace(PROPERTY_RANGE, (...match: string[]) => {
    ranges.push([match[2]!, instantOf(match[4]!)]);
    return '';
  });
  const headers: Record<string, string> = { 'content-type': 'application/xml; charset=utf-8' };
  if (typeof req.headers.depth === 'string') headers.depth = req.headers.depth;
  const upstream = await radicale.text('REPORT', `${path.replace(/\/+$/, '')}/`, {
    headers,
    body: forwarded,
  });
  let text = upstream.text;
  if (ranges.length && upstream.status === 207)
    text = text.replace(/<(\w+:)?response>[\s\S]*?<\/(\w+:)?response>/g, (response) => {
      const data = /<(\w+:)?calendar-data[^>]*>([\s\S]*?)<\/(\w+:)?calendar-data>/.exec(response);
      return data && matches(unescapeXml(data[2]!), ranges) ? response : '';
    });
  res.writeHead(upstream.status, {
    'content-type': String(upstream.headers['content-type'] ?? 'application/xml'),
  });
  res.end(text);
}
