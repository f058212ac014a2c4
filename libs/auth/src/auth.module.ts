import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PassportModule } from '@nestjs/passport';
import { Cache, MemoryCache } from '@app/cache';
import type { AllConfig } from '@app/config';
import { DavTechnicalTokenIssuer } from '@app/dav-client';
import { UpstreamHttpClient } from '@app/http-client';
import { CredentialDirectory, Directory } from '@app/directory';
import { AuthTicketRepository, DomainRepository, UserRepository } from '@app/persistence';
import { AuthenticationChain, CREDENTIAL_RESOLVERS } from './authentication-chain';
import { BasicCredentialResolver } from './basic/basic.resolver';
import { DirectoryPasswordVerifier, FirstMatchPasswordVerifier } from './basic/directory-password-verifier';
import { PasswordVerifier } from './basic/password-verifier';
import { StoredPasswordVerifier } from './basic/stored-password-verifier';
import { LoginThrottle } from './throttling/login-throttle';
import { JwtKeys } from './jwt/jwt-keys';
import { JwtCredentialResolver } from './jwt/jwt.resolver';
import { JWT_VALIDITY_MS, UserJwtService } from './jwt/user-jwt.service';
import { BackChannelLogoutService } from './oidc/back-channel-logout.service';
import { OidcIntrospector } from './oidc/oidc-introspector';
import { OidcCredentialResolver } from './oidc/oidc.resolver';
import { OidcTokenCache } from './oidc/oidc-token-cache';
import { AuthenticatedGuard } from './passport/authenticated.guard';
import { TcalendarStrategy } from './passport/tcalendar.strategy';
import { UserProvisioner } from './provisioning/user-provisioner';
import { TechnicalTokenService } from './technical/technical-token.service';
import { TicketCredentialResolver } from './ticket/ticket.resolver';
import { TicketService } from './ticket/ticket.service';

const AUTH_HTTP_CLIENT = Symbol('AUTH_HTTP_CLIENT');

class AuthHttpClientShutdown implements OnApplicationShutdown {
  constructor(@Inject(AUTH_HTTP_CLIENT) private readonly http: UpstreamHttpClient) {}
  onApplicationShutdown(): Promise<void> {
    return this.http.close();
  }
}
/** How long a node trusts its own copy of a Redis-cached token validation (bounds cross-node logout delay). */
const LOCAL_TOKEN_CACHE_MS = 5_000;
type Config = ConfigService<AllConfig, true>;
const auth = (config: Config) => config.get('auth', { infer: true });

/**
 * Every way a caller proves who it is, and the tokens the service issues. Registering a caller met for the first
 * time is not authentication: the `UserProvisioner` port is provided by the application (users feature).
 */
@Global()
@Module({
  imports: [PassportModule],
  providers: [
    {
      provide: JwtKeys,
      inject: [ConfigService],
      useFactory: (config: Config) => JwtKeys.load(auth(config).jwt),
    },
    {
      provide: JWT_VALIDITY_MS,
      inject: [ConfigService],
      useFactory: (config: Config) => auth(config).jwt.validityMs,
    },
    UserJwtService,
    {
      provide: TechnicalTokenService,
      inject: [ConfigService],
      useFactory: (config: Config) =>
        new TechnicalTokenService(
          auth(config).technicalToken.secret,
          auth(config).technicalToken.expirationSeconds,
        ),
    },
    // The DAV client's port for the tokens it sends to esn-sabre.
    { provide: DavTechnicalTokenIssuer, useExisting: TechnicalTokenService },
    // Identity provider and LemonLDAP calls: one keep-alive pool, closed at shutdown.
    { provide: AUTH_HTTP_CLIENT, useFactory: () => new UpstreamHttpClient({ connections: 32 }) },
    AuthHttpClientShutdown,
    {
      provide: PasswordVerifier,
      inject: [CredentialDirectory, Directory, UserRepository],
      // LDAP: bind. Otherwise the in-memory directory of /users, then the OpenPaaS password hashes in MongoDB.
      useFactory: (credentials: CredentialDirectory, ldap: Directory | null, users: UserRepository) =>
        ldap
          ? new DirectoryPasswordVerifier(credentials)
          : new FirstMatchPasswordVerifier([
              new DirectoryPasswordVerifier(credentials),
              new StoredPasswordVerifier(users),
            ]),
    },
    {
      provide: LoginThrottle,
      inject: [Cache, ConfigService],
      // In memory: its own store, so that a flood of failures cannot evict cached OIDC validations.
      useFactory: (cache: Cache, config: Config) =>
        new LoginThrottle(
          cache instanceof MemoryCache ? new MemoryCache(50_000) : cache,
          auth(config).loginThrottle,
        ),
    },
    {
      provide: OidcTokenCache,
      inject: [Cache, ConfigService],
      useFactory: (cache: Cache, config: Config) =>
        new OidcTokenCache(
          cache,
          auth(config).oidc?.cacheExpirationMs ?? 5 * 60_000,
          // In-process cache: the local copy lives as long as the entry; shared cache: a few seconds.
          cache instanceof MemoryCache
            ? (auth(config).oidc?.cacheExpirationMs ?? 5 * 60_000)
            : LOCAL_TOKEN_CACHE_MS,
          auth(config).oidc?.cacheMaxSize ?? 10_000,
        ),
    },
    {
      provide: BackChannelLogoutService,
      inject: [OidcTokenCache, ConfigService],
      useFactory: (cache: OidcTokenCache, config: Config) =>
        new BackChannelLogoutService(cache, auth(config).oidc),
    },
    {
      provide: TicketService,
      inject: [AuthTicketRepository],
      useFactory: (tickets: AuthTicketRepository) => new TicketService(tickets),
    },
    {
      provide: CREDENTIAL_RESOLVERS,
      inject: [
        ConfigService,
        PasswordVerifier,
        LoginThrottle,
        UserJwtService,
        DomainRepository,
        OidcTokenCache,
        UserProvisioner,
        AUTH_HTTP_CLIENT,
        TicketService,
      ],
      useFactory: (
        config: Config,
        passwords: PasswordVerifier,
        throttle: LoginThrottle,
        jwt: UserJwtService,
        domains: DomainRepository,
        cache: OidcTokenCache,
        provisioner: UserProvisioner,
        http: UpstreamHttpClient,
        tickets: TicketService,
      ) => {
        const settings = auth(config);
        const introspector = settings.oidc ? new OidcIntrospector(settings.oidc, http) : null;
        return [
          new BasicCredentialResolver(settings, passwords, throttle),
          new JwtCredentialResolver(jwt, domains, settings.adminUsername),
          new OidcCredentialResolver(settings, introspector, cache, provisioner, http),
          new TicketCredentialResolver(tickets, settings.adminUsername),
        ];
      },
    },
    AuthenticationChain,
    TcalendarStrategy,
    AuthenticatedGuard,
  ],
  exports: [
    TicketService,
    UserJwtService,
    TechnicalTokenService,
    DavTechnicalTokenIssuer,
    AuthenticationChain,
    AuthenticatedGuard,
    BackChannelLogoutService,
    OidcTokenCache,
    LoginThrottle,
  ],
})
export class AuthModule {}
