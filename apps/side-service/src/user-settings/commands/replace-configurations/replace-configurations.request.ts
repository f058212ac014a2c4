import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';

/** The query of `PUT /api/configurations`: only the user scope can be replaced. */
export class ReplaceConfigurationsRequestDto {
  @ApiProperty({ enum: ['user'] })
  @Equals('user', { message: "The 'scope' query parameter must be 'user'" })
  scope!: 'user';
}
