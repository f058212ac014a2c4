import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isValidMailAddress } from '@app/core';
import type { ResourceChanges } from '@app/persistence';
import type { AdministeredResource } from '../../resources/administered-resource';
import type { AdministratorGrant } from '../../resources/resource-calendar-sharing';
import { WebadminError } from '../http/webadmin-error';

const RIGHTS = ['dav:read-write', 'dav:administration'] as const;
/** Icon names end up in URLs (rest-api.md §5.6). */
const ICON = /^[A-Za-z0-9_-]+$/;

export class ResourceAdministratorDto {
  @ApiProperty({ example: 'bob@example.com' }) email!: string;
  @ApiPropertyOptional({ enum: RIGHTS, default: 'dav:read-write' }) davRight?: string;
}

export class CreateResourceDto {
  @ApiProperty({ example: 'Room 4' }) name!: string;
  @ApiPropertyOptional({ example: 'Fourth floor', default: '' }) description?: string;
  @ApiProperty({ example: 'meeting-room', pattern: ICON.source }) icon!: string;
  @ApiProperty({ example: 'alice@example.com', description: 'A registered user' }) creator!: string;
  @ApiPropertyOptional({ type: [ResourceAdministratorDto], description: 'No administrator: auto-accepting' })
  administrators?: ResourceAdministratorDto[];
}

export class UpdateResourceDto {
  @ApiPropertyOptional({ example: 'Room 4' }) name?: string;
  @ApiPropertyOptional({ example: 'Fourth floor' }) description?: string;
  @ApiPropertyOptional({ example: 'meeting-room' }) icon?: string;
  @ApiPropertyOptional({
    type: [ResourceAdministratorDto],
    description: 'The full new list (`[]` revokes all); absent: untouched',
  })
  administrators?: ResourceAdministratorDto[];
  @ApiPropertyOptional({ description: 'Tolerated and ignored' }) id?: string;
  @ApiPropertyOptional({ description: 'Tolerated and ignored' }) domain?: string;
  @ApiPropertyOptional({ description: 'Tolerated and ignored' }) creator?: string;
}

export class ResourceResponseDto {
  @ApiProperty({ example: '66a1b2c3d4e5f6a7b8c9d0e1' }) id!: string;
  @ApiProperty({ example: 'Room 4' }) name!: string;
  @ApiProperty({ example: 'Fourth floor' }) description!: string;
  @ApiProperty({ example: 'meeting-room' }) icon!: string;
  @ApiProperty({ example: 'example.com' }) domain!: string;
  @ApiProperty({ example: false }) deleted!: boolean;
  @ApiProperty({ example: 'alice@example.com' }) creator!: string;
  @ApiProperty({ type: [ResourceAdministratorDto] }) administrators!: ResourceAdministratorDto[];
}

type Body = Record<string, unknown>;

function object(body: unknown): Body {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw WebadminError.invalidJson('a JSON object is expected');
  return body as Body;
}

function onlyKnown(body: Body, allowed: readonly string[], where = ''): void {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0)
    throw WebadminError.invalidJson(`unknown properties${where}: ${unknown.join(', ')}`);
}

function text(body: Body, field: string, required: boolean): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    if (required) throw WebadminError.invalidJson(`'${field}' is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw WebadminError.invalidJson(`'${field}' must be a string`);
  return value;
}

function nonBlank(field: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '')
    throw WebadminError.invalidUserRequest(`'${field}' must not be blank`);
  return value?.trim();
}

function icon(value: string | undefined): string | undefined {
  if (value !== undefined && !ICON.test(value))
    throw WebadminError.invalidUserRequest(`Invalid icon: ${value} (letters, digits, '-' and '_' only)`);
  return value;
}

function address(field: string, value: string): string {
  const trimmed = value.trim().toLowerCase();
  if (!isValidMailAddress(trimmed)) throw WebadminError.invalidArgument(`Invalid username: ${value}`, field);
  return trimmed;
}

function administrators(value: unknown): AdministratorGrant[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw WebadminError.invalidJson("'administrators' must be an array");
  return value.map((entry, index) => {
    const admin = object(entry);
    onlyKnown(admin, ['email', 'davRight'], ` in administrators[${index}]`);
    const email = text(admin, 'email', true)!;
    const right = text(admin, 'davRight', false) ?? 'dav:read-write';
    if (!(RIGHTS as readonly string[]).includes(right))
      throw WebadminError.invalidArgument(`Unsupported DAV right: ${right}`);
    return { email: address('administrators', email), davRight: right as AdministratorGrant['davRight'] };
  });
}

/** POST body (strict): unknown properties, `id`, `deleted`... are refused. */
export function parseCreateResourceBody(raw: unknown) {
  const body = object(raw);
  onlyKnown(body, ['name', 'description', 'icon', 'creator', 'administrators']);
  return {
    name: nonBlank('name', text(body, 'name', true))!,
    description: text(body, 'description', false) ?? '',
    icon: icon(text(body, 'icon', true))!,
    creator: address('creator', text(body, 'creator', true)!),
    administrators: administrators(body.administrators) ?? [],
  };
}

/** PATCH body (strict): `id`, `domain` and `creator` are tolerated and ignored. */
export function parseUpdateResourceBody(raw: unknown): {
  changes: ResourceChanges;
  administrators?: AdministratorGrant[];
} {
  const body = object(raw);
  onlyKnown(body, ['name', 'description', 'icon', 'administrators', 'id', 'domain', 'creator']);
  const changes: ResourceChanges = {};
  const name = nonBlank('name', text(body, 'name', false));
  const description = text(body, 'description', false);
  const newIcon = icon(text(body, 'icon', false));
  if (name !== undefined) changes.name = name;
  if (description !== undefined) changes.description = description;
  if (newIcon !== undefined) changes.icon = newIcon;
  const admins = administrators(body.administrators);
  return admins ? { changes, administrators: admins } : { changes };
}

export function toResourceResponse(shown: AdministeredResource): ResourceResponseDto {
  const { resource } = shown;
  return {
    id: resource.id,
    name: resource.name,
    description: resource.description ?? '',
    icon: resource.icon ?? '',
    domain: shown.domainName,
    deleted: resource.deleted,
    creator: shown.creatorEmail,
    administrators: shown.administrators,
  };
}
