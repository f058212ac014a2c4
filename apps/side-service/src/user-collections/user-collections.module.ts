import { Module } from '@nestjs/common';
import { ChangeUserAddressBookHandler } from './commands/change-user-address-book/change-user-address-book.handler';
import { ChangeUserCalendarHandler } from './commands/change-user-calendar/change-user-calendar.handler';
import { CreateUserAddressBookHandler } from './commands/create-user-address-book/create-user-address-book.handler';
import { CreateUserCalendarHandler } from './commands/create-user-calendar/create-user-calendar.handler';
import { CollectionOwners } from './collection-owner';
import { ListUserAddressBooksHandler } from './queries/list-user-address-books/list-user-address-books.handler';
import { ListUserCalendarsHandler } from './queries/list-user-calendars/list-user-calendars.handler';

const commandHandlers = [
  CreateUserCalendarHandler,
  ChangeUserCalendarHandler,
  CreateUserAddressBookHandler,
  ChangeUserAddressBookHandler,
];
const queryHandlers = [ListUserCalendarsHandler, ListUserAddressBooksHandler];

/** A user's calendars and address books administered through DAV, impersonating the user (webadmin.md §10). */
@Module({ providers: [...commandHandlers, ...queryHandlers, CollectionOwners] })
export class UserCollectionsModule {}
