import { streamOf, topicOf, type EventBus, type EventHandler, type TradingEvent } from '@mib/events';
import { Counter, Gauge, Histogram, type Registry } from '@mib/telemetry';

/** How one attempt to handle an event ended. */
export type HandlingOutcome = 'applied' | 'duplicate' | 'failed';

/**
 * Deliveries being handled right now by a metered handler, by `deliveryKey`: `applyOnce` marks
 * the one it skipped as already applied. Entries live only while their handler runs.
 */
const handling = new Map<string, { duplicate: boolean }>();

/** One delivery of one event to one consumer group (read models use their consumer as group). */
const deliveryKey = (consumer: string, event: TradingEvent): string =>
  `${consumer}\u0000${streamOf(event)}\u0000${event.sequence}`;

/** Called by `applyOnce` when `consumer` skips `event`, applied before: counted as `duplicate`. */
export function reportDuplicate(consumer: string, event: TradingEvent): void {
  const report = handling.get(deliveryKey(consumer, event));
  if (report) report.duplicate = true;
}

/** A group of one process (the live fan-out's `<name>-live-<uuid>`) is labelled by its name. */
const consumerLabel = (group: string): string =>
  group.replace(/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '');

/**
 * Metrics of the event consumers of one service, in its registry: events handled per consumer,
 * topic and outcome, handling time, and how old the last applied event of each topic is (the
 * read-model lag an operator alerts on). Labels are consumer group names and topics: bounded.
 */
export class ConsumerMetrics {
  readonly #handled: Counter<'consumer' | 'topic' | 'outcome'>;
  readonly #duration: Histogram<'consumer' | 'topic'>;
  /** `occurredAt` (epoch ms) of the last event applied, by consumer then topic. */
  readonly #lastApplied = new Map<string, Map<string, number>>();

  constructor(registry: Registry) {
    const registers = [registry];
    this.#handled = new Counter({
      name: 'events_handled_total',
      help: 'Event deliveries handled by consumers, by consumer group, topic and outcome (applied, duplicate, failed: retried)',
      labelNames: ['consumer', 'topic', 'outcome'],
      registers,
    });
    this.#duration = new Histogram({
      name: 'events_handling_duration_seconds',
      help: 'Time a consumer took to handle one delivery, whatever its outcome',
      labelNames: ['consumer', 'topic'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    const lastApplied = this.#lastApplied;
    new Gauge({
      name: 'events_last_applied_event_age_seconds',
      help: 'Seconds between the last applied event’s own timestamp and now, by consumer and topic',
      labelNames: ['consumer', 'topic'],
      registers,
      collect() {
        const now = Date.now();
        for (const [consumer, byTopic] of lastApplied)
          for (const [topic, occurredAt] of byTopic) this.set({ consumer, topic }, (now - occurredAt) / 1000);
      },
    });
  }

  /** `handler` for `group`, recording each attempt's outcome and duration. */
  meter(group: string, handler: EventHandler): EventHandler {
    const consumer = consumerLabel(group);
    return async (event, delivery) => {
      const topic = topicOf(event.type);
      const key = deliveryKey(group, event);
      const report = { duplicate: false };
      handling.set(key, report);
      const started = performance.now();
      let outcome: HandlingOutcome = 'failed';
      try {
        await handler(event, delivery);
        outcome = report.duplicate ? 'duplicate' : 'applied';
      } finally {
        handling.delete(key);
        this.#handled.inc({ consumer, topic, outcome });
        this.#duration.observe({ consumer, topic }, (performance.now() - started) / 1000);
        if (outcome === 'applied') this.#applied(consumer, topic, event);
      }
    };
  }

  #applied(consumer: string, topic: string, event: TradingEvent): void {
    let byTopic = this.#lastApplied.get(consumer);
    if (!byTopic) this.#lastApplied.set(consumer, (byTopic = new Map<string, number>()));
    // Partitions are handled concurrently: the newest event applied is the read model's edge.
    const occurredAt = Date.parse(event.occurredAt);
    if (occurredAt > (byTopic.get(topic) ?? Number.NEGATIVE_INFINITY)) byTopic.set(topic, occurredAt);
  }
}

/**
 * `bus` as one service sees it: the same bus (in process or Kafka), every subscription's handler
 * metered into that service's `ConsumerMetrics`. Several services in one process share the bus
 * and each counts its own consumers.
 */
export function meteredEventBus(bus: EventBus, metrics: ConsumerMetrics): EventBus {
  const metered: EventBus & { [UNMETERED]: EventBus } = {
    [UNMETERED]: unmeteredBus(bus),
    publish: (events) => bus.publish(events),
    subscribe: (options) =>
      bus.subscribe({ ...options, handler: metrics.meter(options.group, options.handler) }),
    close: () => bus.close(),
    [Symbol.asyncDispose]: () => bus.close(),
  };
  return metered;
}

const UNMETERED = Symbol('the bus a metered view wraps');

/**
 * The bus itself behind any metered view of it: what per-process caches of one join per bus
 * (`liveEventsOf`, market-data's `liveMarketOn`) key by, so a service's metered view and a test
 * or tool holding the plain bus find the same live subscription.
 */
export function unmeteredBus(bus: EventBus): EventBus {
  return (bus as Partial<Record<typeof UNMETERED, EventBus>>)[UNMETERED] ?? bus;
}
