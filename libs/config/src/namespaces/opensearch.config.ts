import { IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsBooleanText, IsDurationText, IsHostList, IsIntText, IsOneOfText } from '../env-validators';
import { readBoolean, readDurationMs, readInt, readList, readOptional, readString } from '../env-readers';

class OpensearchEnv {
  @IsOptional() @IsHostList() OPENSEARCH_HOSTS?: string;
  @IsOptional() @IsOneOfText(['http', 'https']) OPENSEARCH_SCHEME?: string;
  @IsOptional() OPENSEARCH_USER?: string;
  @IsOptional() OPENSEARCH_PASSWORD?: string;
  @IsOptional() @IsOneOfText(['default', 'ignore', 'override']) OPENSEARCH_SSL_VALIDATION?: string;
  @IsOptional() @IsOneOfText(['default', 'accept_any_hostname']) OPENSEARCH_HOSTNAME_VERIFIER?: string;
  @IsOptional() @IsIntText(1) OPENSEARCH_SHARDS?: string;
  @IsOptional() @IsIntText(0) OPENSEARCH_REPLICAS?: string;
  @IsOptional() @IsDurationText('ms', { positive: true }) OPENSEARCH_REQUEST_TIMEOUT?: string;
  @IsOptional() OPENSEARCH_EVENTS_INDEX?: string;
  @IsOptional() OPENSEARCH_EVENTS_READ_ALIAS?: string;
  @IsOptional() OPENSEARCH_EVENTS_WRITE_ALIAS?: string;
  @IsOptional() @IsIntText(1) OPENSEARCH_EVENTS_MIN_NGRAM?: string;
  @IsOptional() @IsIntText(1) OPENSEARCH_EVENTS_MAX_NGRAM_DIFF?: string;
  @IsOptional() @IsBooleanText() OPENSEARCH_EVENTS_SUMMARY_PREFIX?: string;
  @IsOptional() @IsBooleanText() OPENSEARCH_EVENTS_FUZZY?: string;
  @IsOptional() @IsBooleanText() OPENSEARCH_EVENTS_QUERY_STRING?: string;
  @IsOptional() OPENSEARCH_CONTACT_USER_INDEX?: string;
  @IsOptional() OPENSEARCH_CONTACT_DOMAIN_INDEX?: string;
  @IsOptional() OPENSEARCH_CONTACT_USER_READ_ALIAS?: string;
  @IsOptional() OPENSEARCH_CONTACT_USER_WRITE_ALIAS?: string;
  @IsOptional() OPENSEARCH_CONTACT_DOMAIN_READ_ALIAS?: string;
  @IsOptional() OPENSEARCH_CONTACT_DOMAIN_WRITE_ALIAS?: string;
  @IsOptional() @IsIntText(1) OPENSEARCH_CONTACT_MIN_NGRAM?: string;
  @IsOptional() @IsIntText(1) OPENSEARCH_CONTACT_MAX_NGRAM_DIFF?: string;
}

export interface OpensearchConfig {
  /** Absent: search falls back to MongoDB. Node URLs such as `http://127.0.0.1:9200`. */
  nodes?: string[];
  user?: string;
  password?: string;
  sslValidation: 'default' | 'ignore' | 'override';
  hostnameVerifier: 'default' | 'accept_any_hostname';
  shards: number;
  replicas: number;
  requestTimeoutMs: number;
  events: {
    index: string;
    readAlias: string;
    writeAlias: string;
    minNgram: number;
    maxNgramDiff: number;
    summaryPrefix: boolean;
    fuzzy: boolean;
    queryString: boolean;
  };
  contacts: {
    userIndex: string;
    domainIndex: string;
    userReadAlias: string;
    userWriteAlias: string;
    domainReadAlias: string;
    domainWriteAlias: string;
    minNgram: number;
    maxNgramDiff: number;
  };
}

export const opensearchConfig = defineConfig('opensearch', OpensearchEnv, (env): OpensearchConfig => {
  const scheme = readString(env, 'OPENSEARCH_SCHEME', 'http');
  const hosts = readList(env, 'OPENSEARCH_HOSTS');
  return {
    nodes:
      hosts.length === 0
        ? undefined
        : hosts.map((host) =>
            /^https?:\/\//.test(host) ? host : `${scheme}://${/:\d+$/.test(host) ? host : `${host}:9200`}`,
          ),
    user: readOptional(env, 'OPENSEARCH_USER'),
    password: readOptional(env, 'OPENSEARCH_PASSWORD'),
    sslValidation: readString(
      env,
      'OPENSEARCH_SSL_VALIDATION',
      'default',
    ) as OpensearchConfig['sslValidation'],
    hostnameVerifier: readString(
      env,
      'OPENSEARCH_HOSTNAME_VERIFIER',
      'default',
    ) as OpensearchConfig['hostnameVerifier'],
    shards: readInt(env, 'OPENSEARCH_SHARDS', 5),
    replicas: readInt(env, 'OPENSEARCH_REPLICAS', 1),
    requestTimeoutMs: readDurationMs(env, 'OPENSEARCH_REQUEST_TIMEOUT', 'ms', 30_000),
    events: {
      index: readString(env, 'OPENSEARCH_EVENTS_INDEX', 'calendar-events'),
      readAlias: readString(env, 'OPENSEARCH_EVENTS_READ_ALIAS', 'calendar-events-read'),
      writeAlias: readString(env, 'OPENSEARCH_EVENTS_WRITE_ALIAS', 'calendar-events-write'),
      minNgram: readInt(env, 'OPENSEARCH_EVENTS_MIN_NGRAM', 3),
      maxNgramDiff: readInt(env, 'OPENSEARCH_EVENTS_MAX_NGRAM_DIFF', 4),
      summaryPrefix: readBoolean(env, 'OPENSEARCH_EVENTS_SUMMARY_PREFIX', true),
      fuzzy: readBoolean(env, 'OPENSEARCH_EVENTS_FUZZY', false),
      queryString: readBoolean(env, 'OPENSEARCH_EVENTS_QUERY_STRING', true),
    },
    contacts: {
      userIndex: readString(env, 'OPENSEARCH_CONTACT_USER_INDEX', 'user_contact'),
      domainIndex: readString(env, 'OPENSEARCH_CONTACT_DOMAIN_INDEX', 'domain_contact'),
      userReadAlias: readString(env, 'OPENSEARCH_CONTACT_USER_READ_ALIAS', 'user_contact_read_alias'),
      userWriteAlias: readString(env, 'OPENSEARCH_CONTACT_USER_WRITE_ALIAS', 'user_contact_write_alias'),
      domainReadAlias: readString(env, 'OPENSEARCH_CONTACT_DOMAIN_READ_ALIAS', 'domain_contact_read_alias'),
      domainWriteAlias: readString(
        env,
        'OPENSEARCH_CONTACT_DOMAIN_WRITE_ALIAS',
        'domain_contact_write_alias',
      ),
      minNgram: readInt(env, 'OPENSEARCH_CONTACT_MIN_NGRAM', 2),
      maxNgramDiff: readInt(env, 'OPENSEARCH_CONTACT_MAX_NGRAM_DIFF', 27),
    },
  };
});
