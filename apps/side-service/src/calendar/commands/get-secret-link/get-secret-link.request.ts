import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** The query of the secret-link route: `shouldResetLink=true` (any case) asks for a new token, anything else not. */
export class GetSecretLinkRequestDto {
  @ApiPropertyOptional({ example: 'true' })
  @IsOptional()
  @IsString()
  shouldResetLink?: string;

  get reset(): boolean {
    return this.shouldResetLink?.toLowerCase() === 'true';
  }
}
