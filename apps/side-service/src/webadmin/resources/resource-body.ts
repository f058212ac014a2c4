import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  IsArray,
  IsDefined,
  IsOptional,
  IsString,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { isValidMailAddress } from '@app/core';
import type { ResourceChanges } from '@app/persistence';
import type { AdministeredResource } from '../../resources/administered-resource';
import type { AdministratorGrant } from '../../resources/resource-calendar-sharing';
import { SHAPE, StrictBody } from '../../http/validation/strict-body';
import { Trimmed } from '../../http/validation/trimmed';
import { WebadminError } from '../http/webadmin-error';

const RIGHTS = ['dav:read-write', 'dav:administration'] as const;
/** Icon names end up in URLs (rest-api.md §5.6). */
const ICON = /^[A-Za-z0-9_-]+$/;

/** Required text: missing, null or not a string is a shape error. */
const RequiredText = (): PropertyDecorator => (target, key) => {
  IsString({ ...SHAPE, message: `'${String(key)}' must be a string` })(target, key);
  IsDefined({ message: `'${String(key)}' is required` })(target, key);
};

/** Optional text (null counts as absent): not a string is a shape error. */
const OptionalText = (): PropertyDecorator => (target, key) => {
  IsString({ ...SHAPE, message: `'${String(key)}' must be a string` })(target, key);
  IsOptional()(target, key);
};

const NotBlank = (): PropertyDecorator => (target, key) => {
  Matches(/\S/, { message: `'${String(key)}' must not be blank` })(target, key);
};

const IconName = (): PropertyDecorator =>
  Matches(ICON, {
    message: ({ value }) => `Invalid icon: ${String(value)} (letters, digits, '-' and '_' only)`,
  });

/** The administrators list: absent leaves it untouched; anything but an array of strict entries is a shape error. */
const Administrators = (): PropertyDecorator => (target, key) => {
  Type(() => ResourceAdministratorDto)(target, key);
  ValidateNested({ each: true })(target, key);
  IsArray({ ...SHAPE, message: "'administrators' must be an array" })(target, key);
  ValidateIf((body: { administrators?: unknown }) => body.administrators !== undefined)(target, key);
};

export class ResourceAdministratorDto {
  @ApiProperty({ example: 'bob@example.com' }) @RequiredText() email!: string;
  @ApiPropertyOptional({ enum: RIGHTS, default: 'dav:read-write' }) @OptionalText() davRight?: string;
}

/** POST body (strict): unknown properties, `id`, `deleted`... are refused. */
@StrictBody()
export class CreateResourceDto {
  @ApiProperty({ example: 'Room 4' }) @NotBlank() @RequiredText() @Trimmed() name!: string;
  @ApiPropertyOptional({ example: 'Fourth floor', default: '' }) @OptionalText() description?: string;
  @ApiProperty({ example: 'meeting-room', pattern: ICON.source }) @IconName() @RequiredText() icon!: string;
  @ApiProperty({ example: 'alice@example.com', description: 'A registered user' })
  @RequiredText()
  creator!: string;
  @ApiPropertyOptional({ type: [ResourceAdministratorDto], description: 'No administrator: auto-accepting' })
  @Administrators()
  administrators?: ResourceAdministratorDto[];
}

/** PATCH body (strict): `id`, `domain` and `creator` are tolerated and ignored. */
@StrictBody()
export class UpdateResourceDto {
  @ApiPropertyOptional({ example: 'Room 4' }) @NotBlank() @OptionalText() @Trimmed() name?: string;
  @ApiPropertyOptional({ example: 'Fourth floor' }) @OptionalText() description?: string;
  @ApiPropertyOptional({ example: 'meeting-room' }) @IconName() @OptionalText() icon?: string;
  @ApiPropertyOptional({
    type: [ResourceAdministratorDto],
    description: 'The full new list (`[]` revokes all); absent: untouched',
  })
  @Administrators()
  administrators?: ResourceAdministratorDto[];
  @ApiPropertyOptional({ description: 'Tolerated and ignored' }) @Allow() id?: unknown;
  @ApiPropertyOptional({ description: 'Tolerated and ignored' }) @Allow() domain?: unknown;
  @ApiPropertyOptional({ description: 'Tolerated and ignored' }) @Allow() creator?: unknown;
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

function address(field: string, value: string): string {
  const trimmed = value.trim().toLowerCase();
  if (!isValidMailAddress(trimmed)) throw WebadminError.invalidArgument(`Invalid username: ${value}`, field);
  return trimmed;
}

function administrators(list: ResourceAdministratorDto[] | undefined): AdministratorGrant[] | undefined {
  return list?.map(({ email, davRight }) => {
    const right = davRight ?? 'dav:read-write';
    if (!(RIGHTS as readonly string[]).includes(right))
      throw WebadminError.invalidArgument(`Unsupported DAV right: ${right}`);
    return { email: address('administrators', email), davRight: right as AdministratorGrant['davRight'] };
  });
}

/** The creation input of a checked POST body: addresses normalised, rights checked. */
export function toCreateResourceInput(body: CreateResourceDto) {
  return {
    name: body.name,
    description: body.description ?? '',
    icon: body.icon,
    creator: address('creator', body.creator),
    administrators: administrators(body.administrators) ?? [],
  };
}

/** The changes of a checked PATCH body; `administrators` only when given. */
export function toResourceUpdate(body: UpdateResourceDto): {
  changes: ResourceChanges;
  administrators?: AdministratorGrant[];
} {
  const changes: ResourceChanges = {};
  if (body.name !== undefined && body.name !== null) changes.name = body.name;
  if (body.description !== undefined && body.description !== null) changes.description = body.description;
  if (body.icon !== undefined && body.icon !== null) changes.icon = body.icon;
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
