import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches } from 'class-validator';
import { Trimmed } from '../../../http/validation/trimmed';

const REQUIRED = "'email' query parameter is required";

/** The query of `GET /api/users?email=`: an address with a domain part, surrounding spaces ignored. */
export class FindUsersByEmailRequestDto {
  @ApiProperty({ example: 'alice@example.org' })
  // Checked from the bottom up (class-validator runs the last decorator first).
  @Matches(/@[\s\S]*[^@]$/, { message: "'email' query parameter must contain a domain part" })
  @IsNotEmpty({ message: REQUIRED })
  @IsString({ message: REQUIRED })
  @Trimmed()
  email!: string;
}
