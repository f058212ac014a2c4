import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString } from 'class-validator';
import { SearchLimit } from '../../../http/validation/search-limit';
import { PERSON_TYPES, PersonType } from '../../person';

export const MAX_LIMIT = 256;

/** The body of `POST /api/people/search` (rest-api.md §5.7). Unknown fields are ignored. */
export class SearchPeopleRequestDto {
  @ApiPropertyOptional({ description: 'Prefix/substring text; empty matches everything', example: 'ali' })
  @IsOptional()
  @IsString({ message: 'q must be a string' })
  q?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description:
      'user, contact, resource, team-calendar (case-insensitive); unknown ones ignored; none = all',
    example: ['user', 'resource'],
  })
  @IsOptional()
  @IsArray({ message: 'objectTypes must be an array' })
  @IsString({ each: true, message: 'objectTypes must be an array of strings' })
  objectTypes?: string[] | null;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_LIMIT, example: 10 })
  @SearchLimit({ max: MAX_LIMIT })
  limit!: number;
}

/** Unknown types are ignored, so an empty or all-unknown list means every type; an absent one too. */
export function objectTypesOf(request: SearchPeopleRequestDto): PersonType[] {
  const types = (request.objectTypes ?? [])
    .map((type) => type.toLowerCase())
    .filter((type): type is PersonType => (PERSON_TYPES as readonly string[]).includes(type));
  return [...new Set(types)];
}
