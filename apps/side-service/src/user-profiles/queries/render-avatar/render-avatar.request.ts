import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';

const REQUIRED = "'email' query parameter is required";

/** The query of `GET /api/avatars`: any non-empty text (its first character is drawn). */
export class RenderAvatarRequestDto {
  @ApiProperty({ description: 'any text; its first character is drawn', example: 'alice@example.org' })
  @IsString({ message: REQUIRED })
  @IsNotEmpty({ message: REQUIRED })
  email!: string;
}
