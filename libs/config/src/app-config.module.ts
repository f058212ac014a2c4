import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ALL_CONFIGS, CROSS_CHECKS } from './all-config';
import { ConfigDefinition } from './config-definition';
import { validateEnvironment } from './validate-environment';

/** Reads and validates the environment once at boot; the only reader of `process.env`. */
@Global()
@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      cache: true,
      ignoreEnvFile: process.env.NODE_ENV === 'test',
      envFilePath: '.env',
      load: ALL_CONFIGS.map((definition) => definition.factory),
      validate: (env) => validateEnvironment(ALL_CONFIGS as readonly ConfigDefinition[], env, CROSS_CHECKS),
    }),
  ],
  exports: [ConfigModule],
})
export class AppConfigModule {}
