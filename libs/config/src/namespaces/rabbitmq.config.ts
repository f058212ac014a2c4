import { IsDefined, IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import {
  IsBooleanText,
  IsDurationText,
  IsHttpUrl,
  IsIntText,
  IsUrlListWithScheme,
  IsUrlWithScheme,
} from '../env-validators';
import {
  readBoolean,
  readDurationMs,
  readInt,
  readList,
  readOptional,
  readRequired,
  readString,
} from '../env-readers';

const required = { message: '$property is required' };

class RabbitmqEnv {
  @IsDefined(required) @IsUrlWithScheme('amqp', 'amqps') RABBITMQ_URI!: string;
  @IsDefined(required) @IsHttpUrl() RABBITMQ_MANAGEMENT_URI!: string;
  @IsDefined(required) RABBITMQ_MANAGEMENT_USER!: string;
  @IsDefined(required) RABBITMQ_MANAGEMENT_PASSWORD!: string;
  @IsOptional() @IsBooleanText() RABBITMQ_RECONNECTION_ENABLED?: string;
  @IsOptional() @IsDurationText('s', { positive: true }) RABBITMQ_RECONNECTION_INTERVAL?: string;
  @IsOptional() @IsDurationText('s', { positive: true }) RABBITMQ_RECONNECTION_START_DELAY?: string;
  @IsOptional() RABBITMQ_VHOST?: string;
  @IsOptional() @IsBooleanText() RABBITMQ_QUORUM_QUEUES?: string;
  @IsOptional() @IsIntText(1) RABBITMQ_QUORUM_REPLICATION_FACTOR?: string;
  @IsOptional() @IsBooleanText() RABBITMQ_CLASSIC_QUEUES_V1?: string;
  @IsOptional() @IsBooleanText() DAV_QUEUES_QUORUM_BYPASS?: string;
  @IsOptional() @IsIntText(1, 65535) ITIP_EVENT_MESSAGES_PREFETCH_COUNT?: string;
  @IsOptional() @IsUrlListWithScheme('amqp', 'amqps') TWP_RABBITMQ_URI?: string;
  @IsOptional() @IsHttpUrl() TWP_RABBITMQ_MANAGEMENT_URI?: string;
  @IsOptional() @IsBooleanText() TWP_QUEUES_QUORUM_BYPASS?: string;
  @IsOptional() TWP_SETTINGS_EXCHANGE?: string;
  @IsOptional() TWP_SETTINGS_ROUTING_KEY?: string;
  @IsOptional() COMMON_CONTACTS_EXCHANGE?: string;
  @IsOptional() TWP_SAAS_SUBSCRIPTION_EXCHANGE?: string;
  @IsOptional() TWP_SAAS_SUBSCRIPTION_ROUTING_KEY?: string;
  @IsOptional() TWP_SAAS_DOMAIN_SUBSCRIPTION_ROUTING_KEY?: string;
  @IsOptional() TWP_SAAS_CONFIGURATION_EXCHANGE?: string;
  @IsOptional() TWP_SAAS_CONFIGURATION_ROUTING_KEY?: string;
}

export interface RabbitmqConfig {
  uri: string;
  management: { uri: string; user: string; password: string };
  reconnection: { enabled: boolean; intervalMs: number; startDelayMs: number };
  vhost?: string;
  quorumQueues: boolean;
  quorumReplicationFactor?: number;
  classicQueuesV1: boolean;
  davQueuesQuorumBypass: boolean;
  itipPrefetchCount: number;
  twp: {
    uris: string[];
    managementUri?: string;
    quorumBypass: boolean;
    settingsExchange: string;
    settingsRoutingKey: string;
    commonContactsExchange: string;
    saasSubscriptionExchange: string;
    saasSubscriptionRoutingKey: string;
    saasDomainSubscriptionRoutingKey: string;
    saasConfigurationExchange: string;
    saasConfigurationRoutingKey: string;
  };
}

export const rabbitmqConfig = defineConfig('rabbitmq', RabbitmqEnv, (env): RabbitmqConfig => ({
  uri: readRequired(env, 'RABBITMQ_URI'),
  management: {
    uri: readRequired(env, 'RABBITMQ_MANAGEMENT_URI').replace(/\/+$/, ''),
    user: readRequired(env, 'RABBITMQ_MANAGEMENT_USER'),
    password: readRequired(env, 'RABBITMQ_MANAGEMENT_PASSWORD'),
  },
  reconnection: {
    enabled: readBoolean(env, 'RABBITMQ_RECONNECTION_ENABLED', true),
    intervalMs: readDurationMs(env, 'RABBITMQ_RECONNECTION_INTERVAL', 's', 60_000),
    startDelayMs: readDurationMs(env, 'RABBITMQ_RECONNECTION_START_DELAY', 's', 30_000),
  },
  vhost: readOptional(env, 'RABBITMQ_VHOST'),
  quorumQueues: readBoolean(env, 'RABBITMQ_QUORUM_QUEUES', false),
  quorumReplicationFactor: env.RABBITMQ_QUORUM_REPLICATION_FACTOR
    ? readInt(env, 'RABBITMQ_QUORUM_REPLICATION_FACTOR', 1)
    : undefined,
  classicQueuesV1: readBoolean(env, 'RABBITMQ_CLASSIC_QUEUES_V1', false),
  davQueuesQuorumBypass: readBoolean(env, 'DAV_QUEUES_QUORUM_BYPASS', false),
  itipPrefetchCount: readInt(env, 'ITIP_EVENT_MESSAGES_PREFETCH_COUNT', 16),
  twp: {
    uris: readList(env, 'TWP_RABBITMQ_URI'),
    managementUri: readOptional(env, 'TWP_RABBITMQ_MANAGEMENT_URI'),
    quorumBypass: readBoolean(env, 'TWP_QUEUES_QUORUM_BYPASS', false),
    settingsExchange: readString(env, 'TWP_SETTINGS_EXCHANGE', 'settings'),
    settingsRoutingKey: readString(env, 'TWP_SETTINGS_ROUTING_KEY', 'user.settings.updated'),
    commonContactsExchange: readString(env, 'COMMON_CONTACTS_EXCHANGE', 'twake:contacts:common'),
    saasSubscriptionExchange: readString(env, 'TWP_SAAS_SUBSCRIPTION_EXCHANGE', 'saas.subscription'),
    saasSubscriptionRoutingKey: readString(
      env,
      'TWP_SAAS_SUBSCRIPTION_ROUTING_KEY',
      'saas.subscription.routingKey',
    ),
    saasDomainSubscriptionRoutingKey: readString(
      env,
      'TWP_SAAS_DOMAIN_SUBSCRIPTION_ROUTING_KEY',
      'domain.subscription.changed',
    ),
    saasConfigurationExchange: readString(env, 'TWP_SAAS_CONFIGURATION_EXCHANGE', 'configuration'),
    saasConfigurationRoutingKey: readString(
      env,
      'TWP_SAAS_CONFIGURATION_ROUTING_KEY',
      'domain.dns.configuration.status',
    ),
  },
}));
