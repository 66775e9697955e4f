/**
 * Picks the event bus from configuration once, at start-up: Kafka when brokers are configured
 * (production), the in-process bus otherwise (the embedded default, nothing to install).
 */
import type { Logger } from 'pino';
import type { RetryPolicy } from './retryUntilDone.js';
import type { EventBus } from './eventBus.js';
import { InProcessEventBus } from './inProcess/inProcessEventBus.js';
import { KafkaEventBus } from './kafka/kafkaEventBus.js';

export interface EventBusConfig {
  readonly logger: Logger;
  /** Kafka bootstrap brokers (from `KAFKA_BROKERS`, comma-separated); unset or empty = in-process. */
  readonly kafkaBrokers?: readonly string[] | string | undefined;
  /** Kafka topic prefix (default `mib.`). */
  readonly topicPrefix?: string;
  /** Partitions per topic (default 6 on Kafka, 8 in process). */
  readonly partitions?: number;
  /** Backoff for rejecting handlers (default 100 ms doubling to 5 s). */
  readonly retry?: RetryPolicy;
}

/** Parses `host:port,host:port` into a broker list (blanks ignored). */
export function parseBrokerList(brokers: readonly string[] | string | undefined): string[] {
  const list = typeof brokers === 'string' ? brokers.split(',') : [...(brokers ?? [])];
  return list.map((broker) => broker.trim()).filter((broker) => broker.length > 0);
}

export async function createEventBus(config: EventBusConfig): Promise<EventBus> {
  const brokers = parseBrokerList(config.kafkaBrokers);
  const common = {
    logger: config.logger,
    ...(config.partitions === undefined ? {} : { partitions: config.partitions }),
    ...(config.retry === undefined ? {} : { retry: config.retry }),
  };
  if (brokers.length === 0) {
    config.logger.info({ component: 'event-bus', adapter: 'in-process' }, 'using the in-process event bus');
    return new InProcessEventBus(common);
  }
  config.logger.info({ component: 'event-bus', adapter: 'kafka', brokers }, 'using Kafka');
  return KafkaEventBus.connect({
    ...common,
    brokers,
    ...(config.topicPrefix === undefined ? {} : { topicPrefix: config.topicPrefix }),
  });
}
