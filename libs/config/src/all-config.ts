import { ConfigDefinition } from './config-definition';
import { alarmsConfig } from './namespaces/alarms.config';
import { appConfig } from './namespaces/app.config';
import { authConfig, authCrossChecks } from './namespaces/auth.config';
import { davConfig } from './namespaces/dav.config';
import { domainSettingsConfig } from './namespaces/domain-settings.config';
import { healthcheckConfig } from './namespaces/healthcheck.config';
import { ldapConfig, ldapCrossChecks } from './namespaces/ldap.config';
import { mailConfig, mailCrossChecks } from './namespaces/mail.config';
import { mongoConfig } from './namespaces/mongo.config';
import { opensearchConfig } from './namespaces/opensearch.config';
import { rabbitmqConfig } from './namespaces/rabbitmq.config';
import { redisConfig } from './namespaces/redis.config';
import { spaSettingsConfig } from './namespaces/spa-settings.config';
import { userDefaultsConfig } from './namespaces/user-defaults.config';
import { uploadConfig } from './namespaces/upload.config';
import { webadminConfig, webadminCrossChecks } from './namespaces/webadmin.config';
import { websocketConfig } from './namespaces/websocket.config';
import { standaloneConfig } from './namespaces/standalone.config';

/** Every namespace, in the order problems are reported. */
export const ALL_CONFIGS = [
  appConfig,
  mongoConfig,
  rabbitmqConfig,
  redisConfig,
  opensearchConfig,
  ldapConfig,
  davConfig,
  authConfig,
  webadminConfig,
  healthcheckConfig,
  mailConfig,
  userDefaultsConfig,
  uploadConfig,
  alarmsConfig,
  spaSettingsConfig,
  domainSettingsConfig,
  websocketConfig,
  standaloneConfig,
] as const;

export const CROSS_CHECKS = [ldapCrossChecks, webadminCrossChecks, authCrossChecks, mailCrossChecks];

type ValueOf<D> = D extends ConfigDefinition<string, infer T> ? T : never;
type KeyOf<D> = D extends ConfigDefinition<infer K, unknown> ? K : never;

/** The typed shape behind `ConfigService<AllConfig, true>`. */
export type AllConfig = { [D in (typeof ALL_CONFIGS)[number] as KeyOf<D>]: ValueOf<D> };
