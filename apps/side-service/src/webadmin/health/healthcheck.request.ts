import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';

/** `?strict` (presence only, webadmin.md §3): a degraded status also answers 503. */
export class HealthcheckStrictRequestDto {
  @ApiPropertyOptional({ description: 'Presence only: degraded answers 503' })
  @IsOptional()
  @IsString()
  strict?: string;

  get isStrict(): boolean {
    return this.strict !== undefined;
  }
}

/** The query of `GET /healthcheck`: `check` (repeatable) restricts the run to those components. */
export class HealthcheckRequestDto extends HealthcheckStrictRequestDto {
  @ApiPropertyOptional({ type: [String], description: 'Component names (repeatable)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsString({ each: true })
  check?: string[];
}
