import { Module } from '@nestjs/common';
import { GenerateUserJwtController } from './commands/generate-user-jwt/generate-user-jwt.http.controller';
import { GenerateUserJwtHandler } from './commands/generate-user-jwt/generate-user-jwt.handler';
import { RevokeOidcSessionHandler } from './commands/revoke-oidc-session/revoke-oidc-session.handler';
import { IntrospectTechnicalTokenController } from './queries/introspect-technical-token/introspect-technical-token.http.controller';
import { IntrospectTechnicalTokenHandler } from './queries/introspect-technical-token/introspect-technical-token.handler';
import { IssueTicketHandler } from './tickets/issue-ticket.handler';
import { RevokeTicketHandler } from './tickets/revoke-ticket.handler';
import { TicketsController } from './tickets/tickets.http.controller';

const httpControllers = [GenerateUserJwtController, IntrospectTechnicalTokenController, TicketsController];
const commandHandlers = [
  GenerateUserJwtHandler,
  RevokeOidcSessionHandler,
  IssueTicketHandler,
  RevokeTicketHandler,
];
const queryHandlers = [IntrospectTechnicalTokenHandler];

/** Token endpoints of the REST API; the back-channel logout route lives on the webadmin server. */
@Module({ controllers: httpControllers, providers: [...commandHandlers, ...queryHandlers] })
export class AuthFeatureModule {}
