import { Summary, register } from 'prom-client';

/**
 * A timer exported as a Prometheus summary in seconds (quantiles, `_sum`, `_count`), named like the original's
 * timers (`basic_auth`, `introspection_lookup`, ...). Created on first use in the current registry.
 */
export function timer(name: string, help: string): Summary {
  return (
    (register.getSingleMetric(name) as Summary | undefined) ??
    new Summary({ name, help, percentiles: [0.5, 0.75, 0.95, 0.99], maxAgeSeconds: 600, ageBuckets: 5 })
  );
}

/** Times `work` with the summary, whatever its outcome. */
export async function timed<T>(summary: Summary, work: () => Promise<T>): Promise<T> {
  const stop = summary.startTimer();
  try {
    return await work();
  } finally {
    stop();
  }
}
