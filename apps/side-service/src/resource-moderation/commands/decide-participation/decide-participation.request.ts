import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** The query of a moderation link; the command checks the values (an absent one is empty). */
export class DecideParticipationRequestDto {
  @ApiProperty({ enum: ['ACCEPTED', 'DECLINED'] })
  @IsOptional()
  @IsString()
  status?: string;

  @ApiProperty({ enum: ['email'] })
  @IsOptional()
  @IsString()
  referrer?: string;

  @ApiProperty({ description: 'Signed token naming the resource and the event, expiring' })
  @IsOptional()
  @IsString()
  jwt?: string;
}
