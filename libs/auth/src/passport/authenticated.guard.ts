import { ExecutionContext, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PerRoute } from '@app/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { AuthenticatedUser, AuthenticationMethod } from '../authenticated-user';
import { AuthenticationRejectedError } from '../auth.errors';
import { AuthenticationChain } from '../authentication-chain';
import { credentialSourceOf } from './credential-source';
import { TCALENDAR_STRATEGY } from './tcalendar.strategy';

const ACCEPTED_METHODS = 'tcalendar:accepted-methods';

/** Restricts a controller or route to some credential kinds (all are accepted by default). */
export const AcceptCredentials = (...methods: AuthenticationMethod[]) =>
  SetMetadata(ACCEPTED_METHODS, methods);

/** The authenticated caller, for routes behind `AuthenticatedGuard`. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<Request & { user: AuthenticatedUser }>().user,
);

/**
 * Authenticates with the passport strategy (the credential chain); failures surface as coded errors for the
 * exception filters. A credential whose validation this process already holds (a cached OIDC token) is accepted
 * without going through passport: the strategy verified it when it was first seen.
 */
@Injectable()
export class AuthenticatedGuard extends AuthGuard(TCALENDAR_STRATEGY) {
  constructor(
    private readonly reflector: Reflector,
    private readonly chain: AuthenticationChain,
  ) {
    super();
  }

  /** Synchronous for a cached credential (no promise for Nest to await on the hot path), else through passport. */
  override canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const cached = this.chain.authenticateFromCache(credentialSourceOf(request));
    if (cached) {
      request.user = cached;
      return this.accepts(context, cached);
    }
    return this.authenticate(context, request);
  }

  private async authenticate(
    context: ExecutionContext,
    request: Request & { user?: AuthenticatedUser },
  ): Promise<boolean> {
    await super.canActivate(context);
    return this.accepts(context, request.user);
  }

  private accepts(context: ExecutionContext, user: AuthenticatedUser | undefined): true {
    const accepted = this.acceptedMethods.of(context);
    if (accepted && user && !accepted.includes(user.method))
      throw new AuthenticationRejectedError(`${user.method} credentials not accepted here`);
    return true;
  }

  /** The credential kinds a route accepts, when it limits them. */
  private readonly acceptedMethods = new PerRoute((context: ExecutionContext) =>
    this.reflector.getAllAndOverride<AuthenticationMethod[] | undefined>(ACCEPTED_METHODS, [
      context.getHandler(),
      context.getClass(),
    ]),
  );

  override handleRequest<TUser = AuthenticatedUser>(error: unknown, user: TUser | false): TUser {
    if (error) throw error;
    if (!user) throw new AuthenticationRejectedError('no credential');
    return user;
  }
}
