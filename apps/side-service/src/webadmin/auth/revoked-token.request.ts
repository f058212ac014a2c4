import { ApiProperty } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { answering } from '../../http/validation/answering';
import { Trimmed } from '../../http/validation/trimmed';
import { WebadminError } from '../http/webadmin-error';

/** The form of `POST /add-revoked-token` (webadmin.md §12): a non-blank `logout_token`, read trimmed. */
export class RevokedTokenRequestDto {
  @ApiProperty({ description: 'The logout token of the identity provider (a JWT naming a `sid`)' })
  @ValidateBy(
    {
      name: 'logoutToken',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value !== '',
        defaultMessage: () => "'logout_token' is required",
      },
    },
    answering(() => WebadminError.invalidArgument("Missing 'logout_token' form field")),
  )
  @Trimmed()
  logout_token!: string;
}
