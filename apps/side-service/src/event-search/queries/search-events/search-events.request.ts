import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { isValidMailAddress } from '@app/core';
import { MAX_SEARCHED_CALENDARS } from '@app/search';
import { SearchLimit } from '../../../http/validation/search-limit';
import { Trimmed } from '../../../http/validation/trimmed';

export const DEFAULT_LIMIT = 30;
export const MAX_LIMIT = 256;

@ValidatorConstraint({ name: 'mailAddresses' })
class MailAddresses implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      Array.isArray(value) &&
      value.every((item) => typeof item === 'string' && isValidMailAddress(item.trim()))
    );
  }
  defaultMessage(): string {
    return 'every address must be a valid e-mail address';
  }
}

/** A requested calendar: both ids non-blank. */
export class CalendarRefDto {
  @ApiPropertyOptional({ example: '65f0a1b2c3d4e5f601234567' })
  @IsString({ message: 'calendars.userId must be a string' })
  @IsNotEmpty({ message: 'calendars.userId must not be blank' })
  @Trimmed()
  userId!: string;

  @ApiPropertyOptional({ example: '65f0a1b2c3d4e5f601234567' })
  @IsString({ message: 'calendars.calendarId must be a string' })
  @IsNotEmpty({ message: 'calendars.calendarId must not be blank' })
  @Trimmed()
  calendarId!: string;
}

/** The body of `POST /calendar/api/events/search` (rest-api.md §6.5, events.md §5.7). All fields optional. */
export class SearchEventsRequestDto {
  @ApiPropertyOptional({
    description: 'Free text; blank matches every event of the calendars',
    example: 'budget',
  })
  @IsOptional()
  @IsString({ message: 'query must be a string' })
  query?: string | null;

  @ApiPropertyOptional({ type: [CalendarRefDto], description: `At most ${MAX_SEARCHED_CALENDARS}` })
  @IsOptional()
  @IsArray({ message: 'calendars must be an array' })
  @ArrayMaxSize(MAX_SEARCHED_CALENDARS, {
    message: `At most ${MAX_SEARCHED_CALENDARS} calendars can be searched`,
  })
  @ValidateNested({ each: true })
  @Type(() => CalendarRefDto)
  calendars?: CalendarRefDto[] | null;

  @ApiPropertyOptional({ type: [String], example: ['alice@example.org'] })
  @IsOptional()
  @IsArray({ message: 'organizers must be an array' })
  @Validate(MailAddresses, { message: 'organizers must be e-mail addresses' })
  organizers?: string[] | null;

  @ApiPropertyOptional({ type: [String], example: ['bob@example.org'] })
  @IsOptional()
  @IsArray({ message: 'attendees must be an array' })
  @Validate(MailAddresses, { message: 'attendees must be e-mail addresses' })
  attendees?: string[] | null;

  @ApiPropertyOptional({ format: 'uuid', example: '550e8400-e29b-41d4-a716-446655440000' })
  @IsOptional()
  @IsUUID('all', { message: 'bookingLink must be a UUID' })
  bookingLink?: string | null;
}

const asQueryInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^[+-]?\d+$/.test(value.trim()) ? Number(value) : value;

/** `?limit=` (1..256, default 30) and `?offset=` (≥ 0, default 0). */
export class SearchEventsParamsDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @SearchLimit({ max: MAX_LIMIT, fromQuery: true, optional: true })
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional()
  @Transform(asQueryInteger)
  @IsInt({ message: 'offset must be an integer' })
  @Min(0, { message: 'offset must not be negative' })
  offset?: number;
}
