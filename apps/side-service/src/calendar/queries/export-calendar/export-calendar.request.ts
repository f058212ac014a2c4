import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** The query of the ICS export: the secret-link token (a missing one is an unknown one, 403, not a 400). */
export class ExportCalendarRequestDto {
  @ApiProperty({ description: 'the token of the calendar secret link' })
  @IsOptional()
  @IsString()
  token?: string;
}
