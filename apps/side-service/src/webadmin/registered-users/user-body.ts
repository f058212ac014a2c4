import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsDefined, IsString, Matches } from 'class-validator';
import { SHAPE, StrictBody } from '../../http/validation/strict-body';

const NAME = { message: 'firstname and lastname are required and must be non-empty strings' };

/**
 * Body of POST and PATCH on registered users, strict: a non-object body, an unknown property or a missing or
 * non-string `email` make the JSON invalid; missing or blank names are invalid arguments.
 */
@StrictBody()
export class RegisteredUserRequestDto {
  @ApiProperty({ example: 'alice@example.com' })
  @IsString({ ...SHAPE, message: "'email' is required and must be a string" })
  @IsDefined({ message: "'email' is required and must be a string" })
  email!: string;

  @ApiProperty({ example: 'Alice' }) @Matches(/\S/, NAME) @IsString(NAME) firstname!: string;
  @ApiProperty({ example: 'Martin' }) @Matches(/\S/, NAME) @IsString(NAME) lastname!: string;
  @ApiPropertyOptional({ description: 'Tolerated and ignored' }) @Allow() id?: unknown;
}

export class RegisteredUserResponseDto {
  @ApiProperty({ example: 'alice@example.com' }) email!: string;
  @ApiProperty({ example: 'Alice' }) firstname!: string;
  @ApiProperty({ example: 'Martin' }) lastname!: string;
  @ApiProperty({ example: '65f0c1a2b3c4d5e6f7a8b9c0' }) id!: string;
}
