import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
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
import { shareUpdate } from '../team-calendars/team-calendar-body';
import {
  AddressBookShareRequestDto,
  PublicRightRequestDto,
  UserAddressBookCreationRequestDto,
  UserCalendarChangeRequestDto,
  UserCalendarCreationRequestDto,
  UserCalendarShareRequestDto,
} from './user-collection.request';

function username(raw: string): string {
  if (!isValidMailAddress(raw.trim())) throw WebadminError.invalidArgument(`Invalid username: ${raw}`);
  return raw.trim().toLowerCase();
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
  @ApiCreatedResponse({ schema: { example: { id: '0b8f2c8e-1d3a-4f4e-9b6a-5c2d7e9f1a30' } } })
  async createCalendar(
    @Param('username') raw: string,
    @Body() body: UserCalendarCreationRequestDto,
  ): Promise<{ id: string }> {
    const user = username(raw);
    const calendar = {
      id: body.id ?? randomUUID(),
      name: body['dav:name'],
      color: body['apple:color'] ?? '',
      description: body['caldav:description'] ?? '',
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
  @ApiNoContentResponse({ description: 'Changed' })
  async patchCalendar(
    @Param('username') raw: string,
    @Param('calendarId') calendarId: string,
    @Body() body: UserCalendarChangeRequestDto,
  ): Promise<void> {
    // Only the properties sent (the pipe's instance carries the others as undefined).
    const properties = Object.fromEntries(
      Object.entries(body).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    if (Object.keys(properties).length === 0)
      throw new InvalidCollectionBodyError('at least one property is expected');
    await this.changeCalendar(raw, calendarId, { kind: 'properties', properties });
  }

  @Post('calendars/:calendarId/publicRight')
  @HttpCode(204)
  @ApiOperation({ summary: 'Make the calendar public (`{DAV:}read`) or private (`""`)' })
  @ApiNoContentResponse({ description: 'Changed' })
  async calendarPublicRight(
    @Param('username') raw: string,
    @Param('calendarId') calendarId: string,
    @Body() { public_right: privilege }: PublicRightRequestDto,
  ): Promise<void> {
    await this.changeCalendar(raw, calendarId, { kind: 'public-right', privilege });
  }

  @Post('calendars/:calendarId/invitee')
  @HttpCode(204)
  @ApiOperation({ summary: 'Share the calendar (sharing update as for team calendars)' })
  @ApiNoContentResponse({ description: 'Shared' })
  async calendarInvitee(
    @Param('username') raw: string,
    @Param('calendarId') calendarId: string,
    @Body() body: UserCalendarShareRequestDto,
  ): Promise<void> {
    await this.changeCalendar(raw, calendarId, { kind: 'share', update: shareUpdate(body) });
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
  @ApiCreatedResponse({ schema: { example: { id: '0b8f2c8e-1d3a-4f4e-9b6a-5c2d7e9f1a30' } } })
  async createAddressBook(
    @Param('username') raw: string,
    @Body() body: UserAddressBookCreationRequestDto,
  ): Promise<{ id: string }> {
    const user = username(raw);
    const book = {
      id: body.id ?? randomUUID(),
      name: body['dav:name'],
      description: body['carddav:description'],
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
  @ApiNoContentResponse({ description: 'Changed' })
  async addressBookPublicRight(
    @Param('username') raw: string,
    @Param('bookId') bookId: string,
    @Body() { public_right: privilege }: PublicRightRequestDto,
  ): Promise<void> {
    const user = username(raw);
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
  @ApiNoContentResponse({ description: 'Shared' })
  async addressBookInvitee(
    @Param('username') raw: string,
    @Param('bookId') bookId: string,
    @Body() body: AddressBookShareRequestDto,
  ): Promise<void> {
    const user = username(raw);
    // Only the two fields of each sharee (the DTO instances are not sent as they are).
    const list = body['dav:sharee'].map((sharee) => ({
      'dav:href': sharee['dav:href'],
      'dav:share-access': sharee['dav:share-access'],
    }));
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
