import { ProtocolErrors, collectionOf, parseClientFrame } from './client-frame';

describe('client frames of GET /ws', () => {
  it('reads the SPA keep-alive, with or without timestamp, as a ping', () => {
    expect(parseClientFrame('{"type":"ping","timestamp":1733299200000}')).toEqual({
      ok: true,
      frame: { kind: 'ping' },
    });
    expect(parseClientFrame('{"type":"ping"}')).toEqual({ ok: true, frame: { kind: 'ping' } });
    expect(parseClientFrame('{}')).toEqual({ ok: true, frame: { kind: 'ping' } });
  });

  it('reads register/unregister lists, removing repeated entries', () => {
    expect(
      parseClientFrame('{"register":["/calendars/a/b","/calendars/a/b"],"unregister":["/addressbooks/a/c"]}'),
    ).toEqual({
      ok: true,
      frame: { kind: 'subscriptions', register: ['/calendars/a/b'], unregister: ['/addressbooks/a/c'] },
    });
    expect(parseClientFrame('{"unregister":[]}')).toEqual({
      ok: true,
      frame: { kind: 'subscriptions', register: [], unregister: [] },
    });
  });

  it('reads the display notification switch, alone or with subscriptions', () => {
    expect(parseClientFrame('{"enableDisplayNotification":false}')).toEqual({
      ok: true,
      frame: { kind: 'display-notification', enabled: false },
    });
    expect(parseClientFrame('{"enableDisplayNotification":true,"register":[]}')).toEqual({
      ok: true,
      frame: { kind: 'subscriptions', register: [], unregister: [], enableDisplayNotification: true },
    });
  });

  it.each([
    'nope',
    'null',
    '[]',
    '42',
    '{"register":"/calendars/a/b"}',
    '{"register":[null]}',
    '{"unregister":{}}',
    '{"enableDisplayNotification":1}',
    '{"type":"hello"}',
    '{"type":"ping","timestamp":"now"}',
    '{"registr":["/calendars/a/b"]}',
  ])('refuses %s as an invalid request', (text) => {
    expect(parseClientFrame(text)).toEqual({ ok: false, error: ProtocolErrors.invalidRequest });
  });

  it('names the first unsupported resource, then refuses entries in both lists', () => {
    expect(parseClientFrame('{"register":["/calendars/a/b","/dav/calendars/a/b","/x"]}')).toEqual({
      ok: false,
      error: 'Unsupported subscription resource: /dav/calendars/a/b',
    });
    expect(parseClientFrame('{"register":["/calendars/a/b"],"unregister":["/calendars/a/b"]}')).toEqual({
      ok: false,
      error: 'register and unregister cannot contain duplicated entries',
    });
  });

  it('reads collections from subscription entries', () => {
    expect(collectionOf('/calendars/h1/c1')).toEqual({
      kind: 'calendar',
      path: '/calendars/h1/c1',
      homeId: 'h1',
      id: 'c1',
    });
    expect(collectionOf('/addressbooks/h1/contacts.json')).toEqual({
      kind: 'addressbook',
      path: '/addressbooks/h1/contacts.json',
      homeId: 'h1',
      id: 'contacts',
    });
    for (const entry of [
      '/calendars/h1',
      '/calendars/h1/c1/e.ics',
      '/calendars//c1',
      '/calendars/h1/%E0%A4%A',
    ])
      expect(collectionOf(entry)).toBeUndefined();
  });
});
