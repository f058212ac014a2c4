import { IsDefined } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsMongoUrl } from '../env-validators';
import { readRequired } from '../env-readers';

class MongoEnv {
  @IsDefined({ message: '$property is required' })
  @IsMongoUrl()
  MONGO_URL!: string;

  @IsDefined({ message: '$property is required' })
  MONGO_DATABASE!: string;
}

export interface MongoConfig {
  url: string;
  database: string;
}

export const mongoConfig = defineConfig('mongo', MongoEnv, (env): MongoConfig => ({
  url: readRequired(env, 'MONGO_URL'),
  database: readRequired(env, 'MONGO_DATABASE'),
}));
