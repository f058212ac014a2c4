import { domainOfMailAddress, isValidMailAddress } from '@app/core';
import { DomainRepository } from '@app/persistence';
import { AuthenticatedUser, CredentialSource } from '../authenticated-user';
import { AuthenticationRejectedError } from '../auth.errors';
import { CredentialResolver, bearerTokenOf, jwtPayloadOf } from '../credential-resolver';
import { UserJwtService } from './user-jwt.service';

/** Payload check shared with the OIDC resolver, which must skip these tokens. */
export function isCalendarJwt(token: string): boolean {
  const payload = jwtPayloadOf(token);
  const type = payload?.twake_calendar_auth_type;
  return token.split('.').length === 3 && typeof type === 'string' && type.toLowerCase() === 'jwt';
}

/** `Authorization: Bearer <calendar JWT>` issued by `POST /api/jwt/generate` (here or by the original). */
export class JwtCredentialResolver extends CredentialResolver {
  readonly name = 'jwt';

  constructor(
    private readonly jwt: UserJwtService,
    private readonly domains: DomainRepository,
    private readonly adminUsername: string,
  ) {
    super();
  }

  async resolve(source: CredentialSource): Promise<AuthenticatedUser | undefined> {
    const header = source.rawAuthorization[0];
    const token = header?.startsWith('Bearer ') ? bearerTokenOf(source) : undefined;
    if (!token || !isCalendarJwt(token)) return undefined;
    let subject: unknown;
    try {
      subject = (await this.jwt.verify(token)).sub;
    } catch (error) {
      throw new AuthenticationRejectedError(`calendar JWT refused: ${(error as Error).message}`);
    }
    if (typeof subject !== 'string' || !isValidMailAddress(subject))
      throw new AuthenticationRejectedError('calendar JWT without a valid sub');
    const username = subject.toLowerCase();
    if (!(await this.domains.findByName(domainOfMailAddress(username))))
      throw new AuthenticationRejectedError(`calendar JWT for an unknown domain: ${username}`);
    return { username, isAdmin: username === this.adminUsername, method: 'jwt' };
  }
}
