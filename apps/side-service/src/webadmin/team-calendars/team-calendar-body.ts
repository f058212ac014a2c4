import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsObject,
  IsString,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import type { CalendarShareUpdate, DavShareRight } from '@app/dav-client';
import type { TeamCalendar } from '@app/persistence';
import { SHAPE, StrictBody } from '../../http/validation/strict-body';
import { Trimmed } from '../../http/validation/trimmed';

/** A required non-blank text (trimmed): missing is a shape error, blank or not a string a value error. */
const NonBlankText = (): PropertyDecorator => (target, key) => {
  const message = `'${String(key)}' must be a non-blank string`;
  IsNotEmpty({ message })(target, key);
  IsString({ message })(target, key);
  IsDefined({ message: `'${String(key)}' is required` })(target, key);
  Trimmed()(target, key);
};

/** The body of `POST /domains/{domain}/team-calendars` (webadmin.md §9): strict, both fields non-blank. */
@StrictBody()
export class TeamCalendarCreationDto {
  @ApiProperty({ example: 'sales' }) @NonBlankText() name!: string;
  @ApiProperty({ example: 'Sales team' }) @NonBlankText() displayName!: string;
}

/** The body of `PATCH /domains/{domain}/team-calendars/{id}`: strict, `displayName` non-blank. */
@StrictBody()
export class TeamCalendarRenameDto {
  @ApiProperty({ example: 'Sales and marketing' }) @NonBlankText() displayName!: string;
}

export class TeamCalendarJsonDto {
  @ApiProperty({ example: '6650aa000000000000000070' }) id!: string;
  @ApiProperty({ example: '6650a0000000000000000001' }) domainId!: string;
  @ApiProperty({ example: 'example.com' }) domainName!: string;
  @ApiProperty({ example: 'sales' }) name!: string;
  @ApiProperty({ example: 'Sales team' }) displayName!: string;
  @ApiProperty({ example: '2026-06-23T08:00:00Z' }) creation!: string;
  @ApiProperty({ example: '2026-06-23T08:00:00Z' }) updated!: string;
}

export function teamCalendarJson(calendar: TeamCalendar): TeamCalendarJsonDto {
  return {
    id: calendar.id,
    domainId: calendar.domainId,
    domainName: calendar.domainName,
    name: calendar.name,
    displayName: calendar.displayName,
    creation: (calendar.createdAt ?? new Date(0)).toISOString(),
    updated: (calendar.updatedAt ?? calendar.createdAt ?? new Date(0)).toISOString(),
  };
}

const RIGHTS: DavShareRight[] = ['dav:read', 'dav:read-write', 'dav:administration'];

/** A `dav:href` of a sharing entry: a `mailto:` address (case-insensitive, spaces around tolerated). */
const MailtoHref = (): PropertyDecorator =>
  ValidateBy({
    name: 'mailtoHref',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && /^mailto:/i.test(value.trim()) && value.trim().length > 'mailto:'.length,
      defaultMessage: ({ value }: ValidationArguments) =>
        `'dav:href' must be a mailto: address: ${JSON.stringify(value)}`,
    },
  });

/** A granted right: `true` grants it, anything else does not. */
const Right = (description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ type: Boolean, description }), Allow());

export class ShareRemovalDto {
  @ApiProperty({ example: 'mailto:eve@example.com' }) @MailtoHref() 'dav:href'!: string;
}

/** A member granted (or changed to) exactly one of the three rights. */
export class ShareGrantDto {
  @ApiProperty({ example: 'mailto:bob@example.com' }) @MailtoHref() 'dav:href'!: string;

  @Right('viewer')
  @ValidateBy({
    name: 'oneRight',
    validator: {
      validate: (_: unknown, { object }: ValidationArguments) =>
        RIGHTS.filter((right) => (object as Record<string, unknown>)[right] === true).length === 1,
      defaultMessage: () => `exactly one of ${RIGHTS.join(', ')} must be true`,
    },
  })
  'dav:read'?: boolean;

  @Right('member') 'dav:read-write'?: boolean;
  @Right('manager') 'dav:administration'?: boolean;
}

const ARRAYS = { ...SHAPE, message: "'set' and 'remove' must be arrays" };

/** An optional list of sharing entries: absent is an empty list; anything but an array of objects is a shape error. */
const Entries = (type: () => new () => object): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: [type()] }),
    ValidateIf((_, value) => value !== undefined),
    IsArray(ARRAYS),
    ValidateNested({ each: true }),
    Type(type),
  );

export class ShareUpdateDto {
  @Entries(() => ShareGrantDto) set?: ShareGrantDto[];
  @Entries(() => ShareRemovalDto) remove?: ShareRemovalDto[];
}

/**
 * `{"share": {"set": [{"dav:href": "mailto:…", "<right>": true}], "remove": [{"dav:href": "mailto:…"}]}}`
 * (webadmin.md §9.2), strict: `share` required, `set`/`remove` optional; each `set` entry names exactly one right
 * (an invalid argument, as a `dav:href` that is not a `mailto:` address).
 */
@StrictBody()
export class CalendarShareRequestDto {
  @ApiProperty({ type: ShareUpdateDto })
  @ValidateNested()
  @Type(() => ShareUpdateDto)
  @IsObject({ ...SHAPE, message: "'share' is required and must be an object" })
  @IsDefined({ message: "'share' is required and must be an object" })
  share!: ShareUpdateDto;
}

const address = (href: string): string => href.trim().slice('mailto:'.length).toLowerCase();

/** The sharing update a validated body asks for (addresses lower-cased). */
export function shareUpdate({ share }: CalendarShareRequestDto): CalendarShareUpdate {
  return {
    set: (share.set ?? []).map((entry) => ({
      email: address(entry['dav:href']),
      right: RIGHTS.find((right) => entry[right] === true)!,
    })),
    remove: (share.remove ?? []).map((entry) => address(entry['dav:href'])),
  };
}
