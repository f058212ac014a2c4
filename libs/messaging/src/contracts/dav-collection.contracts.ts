import {
  JsonObject,
  MessageContract,
  defineContract,
  nullableObject,
  nullableString,
  optionalString,
  requiredString,
} from './message-contract';

const connectedUserOf = (body: JsonObject): string | null =>
  typeof body.connectedUser === 'string' ? body.connectedUser : null;

/** `calendar:calendar:{created,updated,deleted}` (events.md §2.8). */
export interface CalendarMessage {
  /** `/calendars/{homeId}/{calendarUri}`. */
  calendarPath: string;
  /** Clark-name map, `{access}`, `{delegation_updated}`, `{public_right}`; null on deletion. */
  calendarProps: Readonly<JsonObject> | null;
  connectedUser: string | null;
  body: Readonly<JsonObject>;
}

export const CALENDAR_CONTRACT: MessageContract<CalendarMessage> = defineContract(
  'calendar:calendar',
  (body) => ({
    calendarPath: requiredString(body, 'calendarPath'),
    calendarProps: nullableObject(body, 'calendarProps'),
    connectedUser: connectedUserOf(body),
    body,
  }),
);

/** `calendar:subscription:{created,updated,deleted}` (events.md §2.9). */
export interface CalendarSubscriptionMessage {
  /** The subscriber's calendar. */
  calendarPath: string;
  /** Null except on `deleted`: `/` + the stored source href. */
  calendarSourcePath: string | null;
  connectedUser: string | null;
  body: Readonly<JsonObject>;
}

export const CALENDAR_SUBSCRIPTION_CONTRACT: MessageContract<CalendarSubscriptionMessage> = defineContract(
  'calendar:subscription',
  (body) => ({
    calendarPath: requiredString(body, 'calendarPath'),
    calendarSourcePath: nullableString(body, 'calendarSourcePath'),
    connectedUser: connectedUserOf(body),
    body,
  }),
);

/**
 * `sabre:contact:{created,updated,deleted,update}` (events.md §2.10). A DELETE emits two `deleted` messages: a full
 * one and one with only `path`.
 */
export interface ContactMessage {
  /** `addressbooks/{homeId}/{bookUri}/{card}.vcf`, home id forced to the owner's. */
  path: string;
  /** Principal URI (user or domain). */
  owner?: string;
  /** vCard text. */
  carddata?: string;
  /** Copies for subscribed/shared books only. */
  sourcePath?: string;
  connectedUser: string | null;
  body: Readonly<JsonObject>;
}

export const CONTACT_CONTRACT: MessageContract<ContactMessage> = defineContract('sabre:contact', (body) => {
  const owner = optionalString(body, 'owner');
  const carddata = optionalString(body, 'carddata');
  const sourcePath = optionalString(body, 'sourcePath');
  return {
    path: requiredString(body, 'path'),
    ...(owner ? { owner } : {}),
    ...(carddata ? { carddata } : {}),
    ...(sourcePath ? { sourcePath } : {}),
    connectedUser: connectedUserOf(body),
    body,
  };
});

/** `sabre:addressbook:*` and `sabre:addressbook:subscription:*` (events.md §2.11). */
export interface AddressBookMessage {
  /** `addressbooks/{homeId}/{bookUri}`. */
  path: string;
  /** On book created/deleted and subscription deleted. */
  owner?: string;
  connectedUser: string | null;
  body: Readonly<JsonObject>;
}

export const ADDRESS_BOOK_CONTRACT: MessageContract<AddressBookMessage> = defineContract(
  'sabre:addressbook',
  (body) => {
    const owner = optionalString(body, 'owner');
    return {
      path: requiredString(body, 'path'),
      ...(owner ? { owner } : {}),
      connectedUser: connectedUserOf(body),
      body,
    };
  },
);
