import { ApiProperty } from '@nestjs/swagger';
import { Answered } from '../../http/validation/answering';
import { Trimmed } from '../../http/validation/trimmed';
import { WebadminError } from '../http/webadmin-error';

/** The form of `POST /add-revoked-token` (webadmin.md §12): a non-blank `logout_token`, read trimmed. */
export class RevokedTokenRequestDto {
  @ApiProperty({ description: 'The logout token of the identity provider (a JWT naming a `sid`)' })
  @Answered(
    'logoutToken',
    (value) => typeof value === 'string' && value !== '',
    () => WebadminError.invalidArgument("Missing 'logout_token' form field"),
  )
  @Trimmed()
  logout_token!: string;
}
