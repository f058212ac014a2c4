import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** The query of an Excal participation link; the command checks the token (an absent one is empty). */
export class UpdateParticipationRequestDto {
  @ApiProperty({ description: 'Signed token naming the event, the attendee and the participation' })
  @IsOptional()
  @IsString()
  jwt?: string;
}
