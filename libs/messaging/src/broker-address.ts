import type { RabbitmqConfig } from '@app/config';

/** The AMQP URI to connect to: RABBITMQ_URI, with its virtual host replaced by RABBITMQ_VHOST when that is set. */
export function connectionUri(config: RabbitmqConfig): string {
  if (!config.vhost) return config.uri;
  const url = new URL(config.uri);
  url.pathname = `/${encodeURIComponent(config.vhost)}`;
  return url.toString();
}

/** The virtual host the service works in: RABBITMQ_VHOST, else the one of RABBITMQ_URI, else `/`. */
export function virtualHost(config: RabbitmqConfig): string {
  if (config.vhost) return config.vhost;
  const path = new URL(config.uri).pathname.replace(/^\//, '');
  return path ? decodeURIComponent(path) : '/';
}
