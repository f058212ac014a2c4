import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { ConfigDefinition, cleanEnv } from './config-definition';

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigurationError';
  }
}

/** One line per variable: "is required" alone when it is missing, otherwise every rule it breaks. */
function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => {
    const constraints = error.constraints ?? {};
    return constraints.isDefined ? [constraints.isDefined] : Object.values(constraints);
  });
}

/**
 * Validates every namespace against the environment and reports all problems at once.
 * `crossChecks` express rules spanning several variables (pairs that go together, exclusive options).
 */
export function validateEnvironment(
  definitions: readonly ConfigDefinition[],
  rawEnv: Record<string, unknown>,
  crossChecks: ReadonlyArray<(env: Readonly<Record<string, string | undefined>>) => string[]> = [],
): Record<string, unknown> {
  const env = cleanEnv(rawEnv);
  const problems: string[] = [];
  for (const definition of definitions) {
    const instance = plainToInstance(definition.schema, env, { enableImplicitConversion: false });
    problems.push(...describe(validateSync(instance, { forbidUnknownValues: false })));
  }
  for (const check of crossChecks) problems.push(...check(env));
  const unique = [...new Set(problems)];
  if (unique.length > 0) throw new ConfigurationError(unique);
  return rawEnv;
}
