type Publish = (exchange: string, body: Record<string, unknown>) => Promise<void>;

/** JSON member names of a calendar create or PROPPATCH, as the Clark names of `calendarProps` (events.md §2.8). */
const CLARK: Record<string, string> = {
  'dav:name': '{DAV:}displayname',
  'caldav:description': '{urn:ietf:params:xml:ns:caldav}calendar-description',
  'apple:color': '{http://apple.com/ns/ical/}calendar-color',
  'apple:order': '{http://apple.com/ns/ical/}apple-order',
};

/**
 * The `calendar:calendar:*` messages esn-sabre publishes after the owner's calendar writes (events.md §1.2, §2.8):
 * created/updated with the set properties, deleted with null, and after an ACL updated `{public_right}` for
 * every sharee instance (subscribers are not emulated). Sharing publishes its own (calendar-sharing.ts).
 */
export class CalendarLifecycle {
  constructor(private readonly publish: Publish) {}

  created(calendarPath: string, values: Record<string, unknown>): Promise<void> {
    return this.publish('calendar:calendar:created', { calendarPath, calendarProps: clarkProps(values) });
  }

  updated(calendarPath: string, values: Record<string, unknown>): Promise<void> {
    return this.publish('calendar:calendar:updated', { calendarPath, calendarProps: clarkProps(values) });
  }

  async publicRight(shareeInstances: string[], right: string): Promise<void> {
    for (const calendarPath of shareeInstances)
      await this.publish('calendar:calendar:updated', {
        calendarPath,
        calendarProps: { public_right: right },
      });
  }

  deleted(calendarPath: string): Promise<void> {
    return this.publish('calendar:calendar:deleted', { calendarPath, calendarProps: null });
  }
}

function clarkProps(values: Record<string, unknown>): Record<string, string> {
  const props: Record<string, string> = {};
  for (const [name, value] of Object.entries(values))
    if (CLARK[name] && value !== undefined && value !== null) props[CLARK[name]] = String(value);
  return props;
}
