import type { RabbitmqConfig } from '@app/config';

export type QueueArguments = Record<string, string | number>;

/**
 * Arguments of the queues the side service declares on the DAV broker (events.md §1.1). They must be reproduced
 * exactly: RabbitMQ refuses to redeclare an existing queue with other arguments.
 *
 * - default: classic queues v2 (`x-queue-version: 2`);
 * - RABBITMQ_CLASSIC_QUEUES_V1: no argument;
 * - DAV_QUEUES_QUORUM_BYPASS: the generic work-queue arguments, i.e. quorum queues (with their replication factor)
 *   when RABBITMQ_QUORUM_QUEUES is on. This inversion is the original's (events.md §8).
 */
export function davQueueArguments(config: RabbitmqConfig): QueueArguments {
  if (config.davQueuesQuorumBypass) return genericQueueArguments(config);
  return config.classicQueuesV1 ? {} : { 'x-queue-version': 2 };
}

function genericQueueArguments(config: RabbitmqConfig): QueueArguments {
  if (!config.quorumQueues) return config.classicQueuesV1 ? {} : { 'x-queue-version': 2 };
  return {
    'x-queue-type': 'quorum',
    ...(config.quorumReplicationFactor
      ? { 'x-quorum-initial-group-size': config.quorumReplicationFactor }
      : {}),
  };
}
