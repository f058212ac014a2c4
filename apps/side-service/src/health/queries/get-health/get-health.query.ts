import { Query } from '@nestjs/cqrs';
import type { HealthReport } from '@app/observability';

/** Runs the named checks (all when none is named). */
export class GetHealthQuery extends Query<HealthReport> {
  constructor(public readonly componentNames: readonly string[] = []) {
    super();
  }
}
