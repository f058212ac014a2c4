import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsIn, IsString, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { InvalidCollectionBodyError } from '../../user-collections/user-collections.errors';
import { CalendarShareRequestDto } from '../team-calendars/team-calendar-body';
import { InvalidBodyAs } from '../../http/validation/invalid-body-as';
import { StrictBody } from '../../http/validation/strict-body';
import { Trimmed } from '../../http/validation/trimmed';

/** Every refusal of a §10 body answers `Invalid request body: <reason>` (webadmin.md §10). */
const CollectionBody = (): ClassDecorator =>
  InvalidBodyAs((reason) => new InvalidCollectionBodyError(reason));

/** A strict §10 body: an unknown property is refused too. */
const StrictCollectionBody = (): ClassDecorator => applyDecorators(StrictBody(), CollectionBody());

/** An optional text: absent is fine, anything but a string (`null` too) is refused. */
const OptionalText = (): PropertyDecorator => (target, key) => {
  IsString({ message: `'${String(key)}' must be a string` })(target, key);
  ValidateIf((_, value) => value !== undefined)(target, key);
};

/** The required, non-blank `dav:name`. */
const DisplayName = (): PropertyDecorator => {
  const message = "'dav:name' is required and must not be blank";
  return applyDecorators(Matches(/\S/, { message }), IsString({ message }), IsDefined({ message }));
};

/** The optional collection id (trimmed; absent: a random UUID): a safe path segment. */
const CollectionId = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description: 'Defaults to a random UUID', example: 'projects' }),
    // Applied (and checked) in this order: a string first, then a safe one.
    OptionalText(),
    Matches(/^(?!\.\.?$)[A-Za-z0-9._-]+$/, { message: ({ value }) => `invalid id: ${String(value)}` }),
    Trimmed(),
  );

/** `POST /users/{username}/calendars`. */
@StrictCollectionBody()
export class UserCalendarCreationRequestDto {
  @CollectionId() id?: string;
  @ApiProperty({ example: 'Projects' }) @DisplayName() 'dav:name'!: string;
  @ApiPropertyOptional({ example: '#3F51B5' }) @OptionalText() 'apple:color'?: string;
  @ApiPropertyOptional({ example: '' }) @OptionalText() 'caldav:description'?: string;
}

/** `PATCH /users/{username}/calendars/{calendarId}`: a subset of the properties (the controller wants one). */
@StrictCollectionBody()
export class UserCalendarChangeRequestDto {
  @ApiPropertyOptional({ example: 'Renamed' }) @OptionalText() 'dav:name'?: string;
  @ApiPropertyOptional({ example: '#FF0000' }) @OptionalText() 'apple:color'?: string;
  @ApiPropertyOptional({ example: 'What we work on' }) @OptionalText() 'caldav:description'?: string;
}

/** `POST /users/{username}/addressbooks`. */
@StrictCollectionBody()
export class UserAddressBookCreationRequestDto {
  @CollectionId() id?: string;
  @ApiProperty({ example: 'Suppliers' }) @DisplayName() 'dav:name'!: string;
  @ApiPropertyOptional({ example: 'People we buy from' }) @OptionalText() 'carddav:description'?: string;
}

const PUBLIC_RIGHTS = ['{DAV:}read', ''];
const PUBLIC_RIGHT_EXPECTED = '{"public_right": "{DAV:}read"} or {"public_right": ""} is expected';

/** `POST …/publicRight` of a calendar or an address book: public (`{DAV:}read`) or private (`""`). */
@StrictCollectionBody()
export class PublicRightRequestDto {
  @ApiProperty({ enum: PUBLIC_RIGHTS, example: '{DAV:}read' })
  @IsIn(PUBLIC_RIGHTS, { message: PUBLIC_RIGHT_EXPECTED })
  @IsDefined({ message: PUBLIC_RIGHT_EXPECTED })
  public_right!: string;
}

const SHARE_ACCESSES = [2, 3, 4, 5];

/** One address-book sharee: 2 read, 3 read-write, 4 administration, 5 revoke. */
export class AddressBookShareeDto {
  @ApiProperty({ example: 'mailto:bob@example.com' })
  @Matches(/^mailto:.+@/i, { message: "each sharee needs a 'dav:href' mailto: address" })
  @IsString({ message: "each sharee needs a 'dav:href' mailto: address" })
  'dav:href'!: string;

  @ApiProperty({ enum: SHARE_ACCESSES, example: 3 })
  @IsIn(SHARE_ACCESSES, { message: "'dav:share-access' must be 2, 3, 4 or 5" })
  'dav:share-access'!: number;
}

/** `POST /users/{username}/addressbooks/{id}/invitee`. */
@CollectionBody()
export class AddressBookShareRequestDto {
  @ApiProperty({ type: [AddressBookShareeDto] })
  @ValidateNested({ each: true })
  @Type(() => AddressBookShareeDto)
  @IsArray({ message: "'dav:sharee' must be an array" })
  @IsDefined({ message: "'dav:sharee' must be an array" })
  'dav:sharee'!: AddressBookShareeDto[];
}

/** `POST /users/{username}/calendars/{calendarId}/invitee`: the sharing update of §9.2, with the errors of §10. */
@CollectionBody()
export class UserCalendarShareRequestDto extends CalendarShareRequestDto {}
