import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';

/** The query of `GET /metrics`: `name[]` (repeatable) keeps only the samples with these names. */
export class MetricsRequestDto {
  @ApiPropertyOptional({ type: [String], description: 'Keep only samples with these names (repeatable)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsString({ each: true })
  'name[]'?: string[];

  /** The names asked for, or `undefined` for every sample. */
  get names(): ReadonlySet<string> | undefined {
    const names = this['name[]'];
    return names === undefined ? undefined : new Set(names);
  }
}
