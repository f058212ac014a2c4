import { propertyName, propertyValue } from './content-lines';

/** A component found at the top of a VCALENDAR (VEVENT, VTODO, VTIMEZONE…) or a top-level VCARD, lines unfolded. */
export interface RawComponent {
  name: string;
  lines: string[];
  /** Value of its own UID property (not that of a nested VALARM). */
  uid?: string;
  /** A structural defect (unterminated, mismatched END): the component is reported as invalid. */
  defect?: string;
}

/** The file is not an iCalendar / vCard stream at all: the whole import fails. */
export class UnparsableFileError extends Error {}

/**
 * Splits a stream of content lines into its items, one at a time: the components directly inside each VCALENDAR
 * (`container = 'VCALENDAR'`), or the top-level VCARDs (`container = null`). A component left open when another
 * item starts, or by the end of the file, is yielded with a defect; lines outside any item are ignored.
 */
export async function* components(
  lines: AsyncIterable<string>,
  container: 'VCALENDAR' | null,
): AsyncGenerator<RawComponent> {
  let insideContainer = container === null;
  let sawContainer = false;
  let current: RawComponent | undefined;
  let depth = 0;
  for await (const line of lines) {
    const name = propertyName(line);
    const value = propertyValue(line).trim().toUpperCase();
    if (!current) {
      if (container && name === 'BEGIN' && value === container) {
        insideContainer = true;
        sawContainer = true;
      } else if (container && name === 'END' && value === container) {
        insideContainer = false;
      } else if (insideContainer && name === 'BEGIN') {
        current = { name: value, lines: [line] };
        depth = 1;
      }
      continue;
    }
    if (name === 'BEGIN' && depth === 1 && value === current.name) {
      // A new item starts before the previous one ended.
      yield { ...current, defect: `${current.name} not terminated` };
      current = { name: value, lines: [line] };
      continue;
    }
    if (container && name === 'END' && value === container) {
      yield { ...current, defect: `${current.name} not terminated` };
      current = undefined;
      insideContainer = false;
      continue;
    }
    current.lines.push(line);
    if (name === 'BEGIN') depth++;
    else if (name === 'END') depth--;
    else if (name === 'UID' && depth === 1 && current.uid === undefined)
      current.uid = propertyValue(line).trim();
    if (depth === 0) {
      if (value !== current.name) current.defect = `END:${value} closes ${current.name}`;
      yield current;
      current = undefined;
    }
  }
  if (current) yield { ...current, defect: `${current.name} not terminated` };
  if (container && !sawContainer) throw new UnparsableFileError(`no ${container} found`);
}
