import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** `?force` (presence only) of the webadmin routes that otherwise refuse to overwrite or to act on an unknown user. */
export class ForceRequestDto {
  @ApiPropertyOptional({ description: 'Presence only' })
  @IsOptional()
  @IsString()
  force?: string;

  get forced(): boolean {
    return this.force !== undefined;
  }
}
