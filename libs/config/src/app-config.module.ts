import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ALL_CONFIGS, CROSS_CHECKS } from './all-config';
import { ConfigDefinition } from './config-definition';
import { validateEnvironment } from './validate-environment';

/** Reads and validates the environment at boot; the only reader of `process.env`. */
@Module({})
export class AppConfigModule {
  /** Called when the application is created (not at import), so that it sees the environment of that moment. */
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          cache: true,
          ignoreEnvFile: process.env.NODE_ENV === 'test',
          envFilePath: '.env',
          load: ALL_CONFIGS.map((definition) => definition.factory),
          validate: (env) =>
            validateEnvironment(ALL_CONFIGS as readonly ConfigDefinition[], env, CROSS_CHECKS),
        }),
      ],
      exports: [ConfigModule],
    };
  }

  /** Validates the current environment now, throwing one `ConfigurationError` that lists every problem. */
  static validateNow(): void {
    validateEnvironment(ALL_CONFIGS as readonly ConfigDefinition[], process.env, CROSS_CHECKS);
  }
}
