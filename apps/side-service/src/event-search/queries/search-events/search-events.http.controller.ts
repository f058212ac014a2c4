import { Body, Controller, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBasicAuth,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import type { EventSearchDocument, IndexedPerson } from '@app/search';
import { SearchEventsQuery } from './search-events.query';
import { DEFAULT_LIMIT, SearchEventsParamsDto, SearchEventsRequestDto } from './search-events.request';

const DAY_MS = 86_400_000;

const person = (value: IndexedPerson) => ({ email: value.email, cn: value.cn });

/** One hit as rest-api.md §6.5 shows it: absent values are `null`. */
export function eventHitJson(event: EventSearchDocument) {
  const [userId = '', calendarId = ''] = event.calendarURL.split('/');
  const startMs = event.start ? Date.parse(event.start) : NaN;
  const endMs = event.end ? Date.parse(event.end) : NaN;
  const durationInDays =
    Number.isFinite(startMs) && Number.isFinite(endMs) ? Math.trunc((endMs - startMs) / DAY_MS) : 0;
  return {
    _links: {
      self: { href: `/calendars/${userId}/${calendarId}/${event.resourceName || `${event.eventUid}.ics`}` },
    },
    data: {
      uid: event.eventUid,
      summary: event.summary ?? null,
      location: event.location ?? null,
      description: event.description ?? null,
      start: event.start ?? null,
      end: event.end ?? null,
      class: event.clazz ?? null,
      allDay: event.allDay ?? null,
      hasResources: (event.resources ?? []).length > 0,
      durationInDays,
      isRecurrentMaster: event.isRecurrentMaster ?? null,
      attendees: (event.attendees ?? []).map(person),
      organizer: event.organizer ? person(event.organizer) : null,
      resources: (event.resources ?? []).map(person),
      'x-openpaas-videoconference': event.videoconferenceUrl ?? null,
      'x-openpaas-booking-link': event.bookingLinkId ?? null,
      userId,
      calendarId,
      dtstamp: event.dtstamp ?? null,
    },
  };
}

@ApiTags('Event search')
@ApiBearerAuth()
@ApiBasicAuth()
@Controller('calendar/api/events/search')
@UseGuards(AuthenticatedGuard)
export class SearchEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Events of the calendars I can see (subscriptions and delegations read their source), one hit per UID, ' +
      'recurrence masters first, then by start descending',
  })
  @ApiOkResponse({
    schema: {
      example: {
        _links: { self: { href: '/calendar/api/events/search?limit=30&offset=0' } },
        _total_hits: 1,
        _embedded: {
          events: [
            eventHitJson({
              baseCalendarId: 'U',
              calendarURL: 'U/C',
              eventUid: 'ev-1',
              resourceName: 'ev-1.ics',
              summary: 'Budget',
              start: '2025-04-19T11:00:00Z',
              end: '2025-04-19T11:30:00Z',
              dtstamp: '2025-04-18T07:47:48Z',
              allDay: false,
              collapseRank: 0,
              organizer: { email: 'alice@example.org', cn: 'Alice' },
              attendees: [{ email: 'bob@example.org', cn: 'Bob' }],
              resources: [],
            }),
          ],
        },
      },
    },
  })
  @ApiBadRequestResponse({
    description:
      'limit not in 1..256, negative offset, bad e-mail address, blank userId/calendarId, non-UUID bookingLink, ' +
      'more than 256 calendars',
  })
  async search(
    @CurrentUser() caller: AuthenticatedUser,
    @Query() params: SearchEventsParamsDto,
    @Body() request: SearchEventsRequestDto,
    @Req() http: Request,
  ) {
    const limit = params.limit ?? DEFAULT_LIMIT;
    const offset = params.offset ?? 0;
    const events: EventSearchDocument[] = await this.queryBus.execute(
      new SearchEventsQuery(caller.username, {
        text: request.query ?? '',
        calendars: request.calendars ?? [],
        organizers: (request.organizers ?? []).map((email) => email.trim()),
        attendees: (request.attendees ?? []).map((email) => email.trim()),
        bookingLinkId: request.bookingLink ?? undefined,
        offset,
        limit,
      }),
    );
    return {
      _links: { self: { href: `${http.originalUrl}?limit=${limit}&offset=${offset}` } },
      _total_hits: events.length,
      _embedded: { events: events.map(eventHitJson) },
    };
  }
}
