import type { NextFunction, Request, Response } from 'express';
import { Histogram, register } from 'prom-client';

const NAME = 'http_request_duration_seconds';

function histogram(): Histogram<'server' | 'method' | 'route' | 'status_code'> {
  const existing = register.getSingleMetric(NAME);
  if (existing) return existing as Histogram<'server' | 'method' | 'route' | 'status_code'>;
  return new Histogram({
    name: NAME,
    help: 'Duration of HTTP requests by server, method, route template and status code',
    labelNames: ['server', 'method', 'route', 'status_code'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
}

/** Express middleware timing every request; the route label is the matched template, never the raw path. */
export function httpMetricsMiddleware(server: string) {
  const durations = histogram();
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = durations.startTimer({ server, method: req.method });
    res.once('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      stop({ route: route ? `${req.baseUrl}${route}` : 'unmatched', status_code: String(res.statusCode) });
    });
    next();
  };
}
