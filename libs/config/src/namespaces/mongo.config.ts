import { IsDefined, IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsMongoUrl, IsOneOfText } from '../env-validators';
import { readRequired, readString } from '../env-readers';

/**
 * How unique indexes that only apply to documents having a field (the user `email`) are created:
 * - `partial`: `partialFilterExpression: {field: {$exists: true}}` (MongoDB); when the server refuses the option
 *   (FerretDB 1.x), the sparse equivalent is created instead.
 * - `sparse`: always the sparse equivalent, for engines that accept `partialFilterExpression` but ignore it
 *   (mongo-java-server: documents without the field would then collide on the unique index).
 */
export const MONGO_PARTIAL_INDEX_MODES = ['partial', 'sparse'] as const;

class MongoEnv {
  @IsDefined({ message: '$property is required' })
  @IsMongoUrl()
  MONGO_URL!: string;

  @IsDefined({ message: '$property is required' })
  MONGO_DATABASE!: string;

  @IsOptional() @IsOneOfText(MONGO_PARTIAL_INDEX_MODES, true) MONGO_PARTIAL_INDEXES?: string;
}

export interface MongoConfig {
  url: string;
  database: string;
  partialIndexes: (typeof MONGO_PARTIAL_INDEX_MODES)[number];
}

export const mongoConfig = defineConfig('mongo', MongoEnv, (env): MongoConfig => ({
  url: readRequired(env, 'MONGO_URL'),
  database: readRequired(env, 'MONGO_DATABASE'),
  partialIndexes: readString(env, 'MONGO_PARTIAL_INDEXES', 'partial')
    .trim()
    .toLowerCase() as MongoConfig['partialIndexes'],
}));
