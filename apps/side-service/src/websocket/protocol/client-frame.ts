/**
 * Client → server frames of `GET /ws` (rest-api.md §6.7), read and validated before anything is done with them.
 * Besides the documented members, the SPA's keep-alive `{"type":"ping","timestamp":…}` is accepted (answered `{}`).
 */

/** The error frames of §6.7, exactly. */
export const ProtocolErrors = {
  invalidRequest: 'Invalid Request',
  duplicated: 'register and unregister cannot contain duplicated entries',
  unsupported: (resource: string) => `Unsupported subscription resource: ${resource}`,
  defaultSubscriptions: 'default-subscriptions-failed',
} as const;

export type ClientFrame =
  | { kind: 'subscriptions'; register: string[]; unregister: string[]; enableDisplayNotification?: boolean }
  | { kind: 'display-notification'; enabled: boolean }
  | { kind: 'ping' };

export type ParsedFrame = { ok: true; frame: ClientFrame } | { ok: false; error: string };

const KNOWN_FIELDS = new Set(['register', 'unregister', 'enableDisplayNotification', 'type', 'timestamp']);
const PREFIXES = ['/calendars/', '/addressbooks/'];

const invalid = (): ParsedFrame => ({ ok: false, error: ProtocolErrors.invalidRequest });

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');

/**
 * Reads one text frame: a JSON object made of known members only, `register`/`unregister` lists of strings
 * starting with `/calendars/` or `/addressbooks/`, no entry in both lists, `enableDisplayNotification` a boolean,
 * `type` (when present) `ping`. Binary frames are refused as invalid requests.
 */
export function parseClientFrame(data: string): ParsedFrame {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return invalid();
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid();
  const fields = body as Record<string, unknown>;
  if (Object.keys(fields).some((field) => !KNOWN_FIELDS.has(field))) return invalid();
  if (fields.type !== undefined && fields.type !== 'ping') return invalid();
  if (fields.timestamp !== undefined && typeof fields.timestamp !== 'number') return invalid();
  const display = fields.enableDisplayNotification;
  if (display !== undefined && typeof display !== 'boolean') return invalid();
  const { register, unregister } = fields;
  if (register === undefined && unregister === undefined) {
    return display === undefined
      ? { ok: true, frame: { kind: 'ping' } }
      : { ok: true, frame: { kind: 'display-notification', enabled: display } };
  }
  if (
    (register !== undefined && !isStringArray(register)) ||
    (unregister !== undefined && !isStringArray(unregister))
  )
    return invalid();
  const registered = [...new Set(register ?? [])];
  const unregistered = [...new Set(unregister ?? [])];
  const unsupported = [...registered, ...unregistered].find(
    (entry) => !PREFIXES.some((prefix) => entry.startsWith(prefix)),
  );
  if (unsupported !== undefined) return { ok: false, error: ProtocolErrors.unsupported(unsupported) };
  const toRemove = new Set(unregistered);
  if (registered.some((entry) => toRemove.has(entry))) return { ok: false, error: ProtocolErrors.duplicated };
  return {
    ok: true,
    frame: {
      kind: 'subscriptions',
      register: registered,
      unregister: unregistered,
      ...(display !== undefined ? { enableDisplayNotification: display } : {}),
    },
  };
}

/** A subscribed collection: `/calendars/{home}/{calendar}` or `/addressbooks/{home}/{book}` (`.json` tolerated). */
export type Collection =
  | { kind: 'calendar'; path: string; homeId: string; id: string }
  | { kind: 'addressbook'; path: string; homeId: string; id: string };

/** The collection a subscription entry names; `undefined` when it is not one (e.g. a home or an object). */
export function collectionOf(entry: string): Collection | undefined {
  const segments = entry.replace(/\.json$/, '').split('/');
  if (segments.length !== 4 || segments[0] !== '') return undefined;
  const [, root, homeId, id] = segments as [string, string, string, string];
  if (!homeId || !id) return undefined;
  let decodedHome: string;
  let decodedId: string;
  try {
    decodedHome = decodeURIComponent(homeId);
    decodedId = decodeURIComponent(id);
  } catch {
    return undefined;
  }
  if (root === 'calendars') return { kind: 'calendar', path: entry, homeId: decodedHome, id: decodedId };
  if (root === 'addressbooks')
    return { kind: 'addressbook', path: entry, homeId: decodedHome, id: decodedId };
  return undefined;
}
