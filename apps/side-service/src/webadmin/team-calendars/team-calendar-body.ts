import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString } from 'class-validator';
import type { CalendarShareUpdate, DavShareRight } from '@app/dav-client';
import type { TeamCalendar } from '@app/persistence';
import { StrictBody } from '../../http/validation/strict-body';
import { Trimmed } from '../../http/validation/trimmed';
import { WebadminError } from '../http/webadmin-error';

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

function strictObject(body: unknown, allowed: string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw WebadminError.invalidJson('a JSON object is expected');
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw WebadminError.invalidJson(`unknown properties: ${unknown.join(', ')}`);
  return record;
}

const RIGHTS: DavShareRight[] = ['dav:read', 'dav:read-write', 'dav:administration'];

/**
 * `{"share": {"set": [{"dav:href": "mailto:…", "<right>": true}], "remove": [{"dav:href": "mailto:…"}]}}`
 * (webadmin.md §9.2): `share` required, `set`/`remove` optional; each `set` entry names exactly one right.
 */
export function parseShare(body: unknown): CalendarShareUpdate {
  const share = strictObject(body, ['share']).share;
  if (typeof share !== 'object' || share === null || Array.isArray(share))
    throw WebadminError.invalidJson("'share' is required and must be an object");
  const { set = [], remove = [], ...others } = share as Record<string, unknown>;
  if (Object.keys(others).length > 0)
    throw WebadminError.invalidJson(`unknown properties: ${Object.keys(others).join(', ')}`);
  if (!Array.isArray(set) || !Array.isArray(remove))
    throw WebadminError.invalidJson("'set' and 'remove' must be arrays");
  const address = (entry: unknown): string => {
    const href = (entry as { 'dav:href'?: unknown } | null)?.['dav:href'];
    if (typeof href !== 'string' || !/^mailto:/i.test(href.trim()) || href.trim().length <= 'mailto:'.length)
      throw WebadminError.invalidUserRequest(`'dav:href' must be a mailto: address: ${JSON.stringify(href)}`);
    return href.trim().slice('mailto:'.length).toLowerCase();
  };
  return {
    set: set.map((entry: unknown) => {
      const granted = RIGHTS.filter((right) => (entry as Record<string, unknown>)[right] === true);
      if (granted.length !== 1)
        throw WebadminError.invalidUserRequest(`exactly one of ${RIGHTS.join(', ')} must be true`);
      return { email: address(entry), right: granted[0]! };
    }),
    remove: remove.map(address),
  };
}
