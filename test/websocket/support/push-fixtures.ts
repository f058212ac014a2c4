import ICAL from 'ical.js';
import type { TestService } from '../../support/service-apps';
import { TicketService } from '@app/auth';
import { EsnSabreDouble } from '../../doubles/esn-sabre/esn-sabre-double';
import { TestSocket } from './ws-client';

/** An ICS object of one VEVENT. */
export function eventIcs(uid: string, summary = 'Standup'): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//push//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T080000Z',
    'DTSTART:20360115T100000Z',
    'DTEND:20360115T103000Z',
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** A `calendar:event:*` message as esn-sabre publishes it (events.md §2.2). */
export function calendarEventMessage(eventPath: string, ics: string): Record<string, unknown> {
  return { eventPath, event: ICAL.parse(ics), rawEvent: ics, import: false, connectedUser: null };
}

/** Stores an event in Radicale, as a PUT through esn-sabre would. */
export async function storeEvent(dav: EsnSabreDouble, path: string, ics: string): Promise<void> {
  const response = await dav.store.request('PUT', path, {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
    body: ics,
  });
  await response.body.dump();
  if (response.status >= 300) throw new Error(`PUT ${path}: ${response.status}`);
}

/** The calendar's ctag as the double reports it (`calendarserver:ctag`). */
export async function calendarCtag(dav: EsnSabreDouble, home: string, calendar: string): Promise<string> {
  const [entry] = (await dav.store.propfind(`/calendars/${home}/${calendar}/`, '0', '<CS:getctag/>')) ?? [];
  const ctag = entry?.props.get('getctag');
  if (!ctag) throw new Error(`no ctag for /calendars/${home}/${calendar}`);
  return ctag;
}

/** The address book's sync token as the double reports it (`dav:syncToken`). */
export async function bookSyncToken(dav: EsnSabreDouble, home: string, book: string): Promise<string> {
  const [entry] = (await dav.store.propfind(`/addressbooks/${home}/${book}/`, '0', '<D:sync-token/>')) ?? [];
  const token = entry?.props.get('sync-token');
  if (!token) throw new Error(`no sync token for /addressbooks/${home}/${book}`);
  return token;
}

/** A real single-use ticket of `email`, as `POST /ws/ticket` issues it. */
export async function ticketOf(service: TestService, email: string): Promise<string> {
  return (await service.api.get(TicketService).issue(email, '127.0.0.1')).value;
}

export function socketUrl(baseUrl: string, ticket: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/ws?ticket=${encodeURIComponent(ticket)}`;
}

/** Opens a socket of `email` and waits for the default subscription. */
export async function connect(service: TestService, baseUrl: string, email: string): Promise<TestSocket> {
  const socket = await TestSocket.open(socketUrl(baseUrl, await ticketOf(service, email)));
  await socket.next((frame) => frame.text === '{"calendarListRegistered":true}');
  return socket;
}
