import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCreatedResponse,
  ApiInternalServerErrorResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { isValidMailAddress } from '@app/core';
import { ChangeUserAddressBookCommand } from '../../user-collections/commands/change-user-address-book/change-user-address-book.command';
import {
  ChangeUserCalendarCommand,
  UserCalendarChange,
} from '../../user-collections/commands/change-user-calendar/change-user-calendar.command';
import { CreateUserAddressBookCommand } from '../../user-collections/commands/create-user-address-book/create-user-address-book.command';
import { CreateUserCalendarCommand } from '../../user-collections/commands/create-user-calendar/create-user-calendar.command';
import { ListUserAddressBooksQuery } from '../../user-collections/queries/list-user-address-books/list-user-address-books.query';
import { ListUserCalendarsQuery } from '../../user-collections/queries/list-user-calendars/list-user-calendars.query';
import { InvalidCollectionBodyError } from '../../user-collections/user-collections.errors';
import { TextBody } from '../../http/json-response.interceptor';
import { DAV_ERROR_MESSAGE, davCall } from '../http/dav-call';
import { WebadminError } from '../http/webadmin-error';
import { parseShare } from '../team-calendars/team-calendar-body';

const CALENDAR_PROPERTIES = ['dav:name', 'apple:color', 'caldav:description'];

function username(raw: string): string {
  if (!isValidMailAddress(raw.trim())) throw WebadminError.invalidArgument(`Invalid username: ${raw}`);
  return raw.trim().toLowerCase();
}

function object(body: unknown, allowed: string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InvalidCollectionBodyError('a JSON object is expected');
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new InvalidCollectionBodyError(`unknown properties: ${unknown.join(', ')}`);
  for (const [key, value] of Object.entries(record))
    if (typeof value !== 'string') throw new InvalidCollectionBodyError(`'${key}' must be a string`);
  return record;
}

function id(record: Record<string, unknown>): string {
  const value = record.id === undefined ? randomUUID() : String(record.id).trim();
  if (!/^[A-Za-z0-9._-]+$/.test(value) || value === '.' || value === '..')
    throw new InvalidCollectionBodyError(`invalid id: ${value}`);
  return value;
}

function name(record: Record<string, unknown>): string {
  const value = record['dav:name'];
  if (typeof value !== 'string' || value.trim() === '')
    throw new InvalidCollectionBodyError("'dav:name' is required and must not be blank");
  return value;
}

function publicRight(body: unknown): string {
  const value = (body as { public_right?: unknown } | null)?.public_right;
  const keys = typeof body === 'object' && body !== null ? Object.keys(body) : [];
  if ((value !== '{DAV:}read' && value !== '') || keys.length !== 1)
    throw new InvalidCollectionBodyError(
      '{"public_right": "{DAV:}read"} or {"public_right": ""} is expected',
    );
  return value;
}

function sharees(body: unknown): { 'dav:href': string; 'dav:share-access': number }[] {
  const list = (body as { 'dav:sharee'?: unknown } | null)?.['dav:sharee'];
  if (!Array.isArray(list)) throw new InvalidCollectionBodyError("'dav:sharee' must be an array");
  return list.map((entry: unknown) => {
    const href = (entry as Record<string, unknown> | null)?.['dav:href'];
    const access = (entry as Record<string, unknown> | null)?.['dav:share-access'];
    if (typeof href !== 'string' || !/^mailto:.+@/i.test(href))
      throw new InvalidCollectionBodyError("each sharee needs a 'dav:href' mailto: address");
    if (typeof access !== 'number' || ![2, 3, 4, 5].includes(access))
      throw new InvalidCollectionBodyError("'dav:share-access' must be 2, 3, 4 or 5");
    return { 'dav:href': href, 'dav:share-access': access };
  });
}

/** A user's calendars and address books, through DAV as the user (webadmin.md §10). */
@ApiTags('User calendars and address books')
@ApiParam({ name: 'username', example: 'alice@example.com' })
@ApiBadRequestResponse({ description: '`Invalid username: <u>`; `Invalid request body: <reason>`' })
@ApiNotFoundResponse({
  description: '`User does not exist`; `Calendar does not exist`; `Address book does not exist`',
})
@ApiInternalServerErrorResponse({ description: `\`${DAV_ERROR_MESSAGE}\`` })
@Controller('users/:username')
export class UserCollectionsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get('calendars')
  @ApiOperation({ summary: "The user's calendars (DAV listing with the default flags, verbatim)" })
  @ApiOkResponse({ description: 'The DAV JSON as sent' })
  @Header('Content-Type', 'application/json')
  async calendars(@Param('username') raw: string): Promise<TextBody> {
    // Verbatim JSON of the DAV server (an empty listing stays empty).
    return new TextBody(await davCall(this.queryBus.execute(new ListUserCalendarsQuery(username(raw)))));
  }

  @Post('calendars')
  @ApiOperation({ summary: 'Create a calendar (`id` defaults to a random UUID)' })
  @ApiBody({
    schema: { example: { 'dav:name': 'Projects', 'apple:color': '#3F51B5', 'caldav:description': '' } },
  })
  @ApiCreatedResponse({ schema: { example: { id: '0b8f2c8e-1d3a-4f4e-9b6a-5c2d7e9f1a30' } } })
  async createCalendar(@Param('username') raw: string, @Body() body: unknown): Promise<{ id: string }> {
    const user = username(raw);
    const record = object(body, ['id', ...CALENDAR_PROPERTIES]);
    const calendar = {
      id: id(record),
      name: name(record),
      color: (record['apple:color'] as string | undefined) ?? '',
      description: (record['caldav:description'] as string | undefined) ?? '',
    };
    return { id: await davCall(this.commandBus.execute(new CreateUserCalendarCommand(user, calendar))) };
  }

  @Delete('calendars/:calendarId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a calendar (a delegated copy or subscription, not its source)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  async deleteCalendar(
    @Param('username') raw: string,
    @Param('calendarId') calendarId: string,
  ): Promise<void> {
    await this.changeCalendar(raw, calendarId, { kind: 'delete' });
  }

  @Patch('calendars/:calendarId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change name, color or description (at least one)' })
  @ApiBody({ schema: { example: { 'dav:name': 'Renamed', 'apple:color': '#FF0000' } } })
  @ApiNoContentResponse({ description: 'Changed' })
  async patchCalendar(
    @Param('username') raw: string,
    @Param('calendarId') calendarId: string,
    @Body() body: unknown,
  ): Promise<void> {
    const record = object(body, CALENDAR_PROPERTIES);
    if (Object.keys(record).length === 0)
      throw new InvalidCollectionBodyError('at least one property is expected');
    await this.changeCalendar(raw, calendarId, {
      kind: 'properties',
      properties: record as Record<string, string>,
    });
  }

  @Post('calendars/:calendarId/publicRight')
  @HttpCode(204)
  @ApiOperation({ summary: 'Make the calendar public (`{DAV:}read`) or private (`""`)' })
  @ApiBody({ schema: { example: { public_right: '{DAV:}read' } } })
  @ApiNoContentResponse({ description: 'Changed' })
  async calendarPublicRight(
    @Param('username') raw: string,
    @Param('calendarId') calendarId: string,
    @Body() body: unknown,
  ): Promise<void> {
    await this.changeCalendar(raw, calendarId, { kind: 'public-right', privilege: publicRight(body) });
  }

  @Post('calendars/:calendarId/invitee')
  @HttpCode(204)
  @ApiOperation({ summary: 'Share the calendar (sharing update as for team calendars)' })
  @ApiBody({
    schema: { example: { share: { set: [{ 'dav:href': 'mailto:bob@example.com', 'dav:read': true }] } } },
  })
  @ApiNoContentResponse({ description: 'Shared' })
  async calendarInvitee(
    @Param('username') raw: string,
    @Param('calendarId') calendarId: string,
    @Body() body: unknown,
  ): Promise<void> {
    let update;
    try {
      update = parseShare(body);
    } catch (error) {
      throw new InvalidCollectionBodyError(
        error instanceof WebadminError ? (error.details ?? error.message) : String(error),
      );
    }
    await this.changeCalendar(raw, calendarId, { kind: 'share', update });
  }

  @Get('addressbooks')
  @ApiOperation({ summary: "The user's address books (DAV listing, verbatim)" })
  @ApiOkResponse({ description: 'The DAV JSON as sent' })
  @Header('Content-Type', 'application/json')
  async addressBooks(@Param('username') raw: string): Promise<TextBody> {
    return new TextBody(await davCall(this.queryBus.execute(new ListUserAddressBooksQuery(username(raw)))));
  }

  @Post('addressbooks')
  @ApiOperation({ summary: 'Create a user address book (`id` defaults to a random UUID)' })
  @ApiBody({ schema: { example: { 'dav:name': 'Suppliers', 'carddav:description': 'People we buy from' } } })
  @ApiCreatedResponse({ schema: { example: { id: '0b8f2c8e-1d3a-4f4e-9b6a-5c2d7e9f1a30' } } })
  async createAddressBook(@Param('username') raw: string, @Body() body: unknown): Promise<{ id: string }> {
    const user = username(raw);
    const record = object(body, ['id', 'dav:name', 'carddav:description']);
    const book = {
      id: id(record),
      name: name(record),
      description: record['carddav:description'] as string | undefined,
    };
    return { id: await davCall(this.commandBus.execute(new CreateUserAddressBookCommand(user, book))) };
  }

  @Delete('addressbooks/:bookId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a user address book (system books: 400 `Cannot delete system address book`)',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  async deleteAddressBook(@Param('username') raw: string, @Param('bookId') bookId: string): Promise<void> {
    await davCall(
      this.commandBus.execute(new ChangeUserAddressBookCommand(username(raw), bookId, { kind: 'delete' })),
    );
  }

  @Post('addressbooks/:bookId/publicRight')
  @HttpCode(204)
  @ApiOperation({ summary: 'Publish (`{DAV:}read`) or unpublish (`""`) the address book' })
  @ApiBody({ schema: { example: { public_right: '{DAV:}read' } } })
  @ApiNoContentResponse({ description: 'Changed' })
  async addressBookPublicRight(
    @Param('username') raw: string,
    @Param('bookId') bookId: string,
    @Body() body: unknown,
  ): Promise<void> {
    const user = username(raw);
    const privilege = publicRight(body);
    await davCall(
      this.commandBus.execute(
        new ChangeUserAddressBookCommand(user, bookId, { kind: 'public-right', privilege }),
      ),
    );
  }

  @Post('addressbooks/:bookId/invitee')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Share the address book: access 2 read, 3 read-write, 4 administration, 5 revoke',
  })
  @ApiBody({
    schema: { example: { 'dav:sharee': [{ 'dav:href': 'mailto:bob@example.com', 'dav:share-access': 3 }] } },
  })
  @ApiNoContentResponse({ description: 'Shared' })
  async addressBookInvitee(
    @Param('username') raw: string,
    @Param('bookId') bookId: string,
    @Body() body: unknown,
  ): Promise<void> {
    const user = username(raw);
    const list = sharees(body);
    await davCall(
      this.commandBus.execute(
        new ChangeUserAddressBookCommand(user, bookId, { kind: 'share', sharees: list }),
      ),
    );
  }

  private async changeCalendar(raw: string, calendarId: string, change: UserCalendarChange): Promise<void> {
    await davCall(this.commandBus.execute(new ChangeUserCalendarCommand(username(raw), calendarId, change)));
  }
}
