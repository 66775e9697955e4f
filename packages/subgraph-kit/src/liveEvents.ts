import { randomUUID } from 'node:crypto';
import { Repeater } from '@repeaterjs/repeater';
import { HighWaterMarks, type EventBus, type Topic, type TradingEvent } from '@mib/events';
import { unmeteredBus } from './consumerMetrics.js';

/**
 * The live events behind a subgraph's subscription fields. Each subgraph process joins the bus in
 * a consumer group of its own (so every replica sees every event: that is the cross-replica
 * fan-out) from the latest offset, once, and fans events out in process to the subscribers whose
 * filter accepts them. An event the bus delivers again (Kafka redelivers after a rebalance or a
 * failed commit) is passed over: a subscriber is told each order update or trade once.
 */
export interface LiveEventsOptions {
  readonly name: string;
  readonly topics: readonly Topic[];
  /**
   * Events one subscriber may have waiting for its connection before its stream ends with an
   * error (default 1 024): a subscriber that cannot keep up costs bounded memory.
   */
  readonly maxWaitingPerSubscriber?: number;
}

export class LiveEvents {
  private readonly listeners = new Set<(event: TradingEvent) => void>();
  /** Per stream (topic, key, shard): the newest sequence fanned out. */
  private readonly fannedOut = new HighWaterMarks();

  /** Streams open now (for readiness checks and tests). */
  get subscribers(): number {
    return this.listeners.size;
  }
  private started: Promise<unknown> | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly options: LiveEventsOptions,
  ) {}

  /**
   * Joins the bus now rather than on the first subscriber (so no event after start-up is missed).
   * A failed join is forgotten, so the next subscriber tries again.
   */
  start(): Promise<unknown> {
    this.started ??= this.bus
      .subscribe({
        group: `${this.options.name}-live-${randomUUID()}`,
        topics: this.options.topics,
        start: 'latest',
        handler: async (event) => {
          if (!this.fannedOut.isNew(event)) return;
          this.fannedOut.recordApplied(event);
          for (const listener of this.listeners) listener(event);
        },
      })
      .catch((error: unknown) => {
        this.started = undefined;
        throw error;
      });
    return this.started;
  }

  /**
   * Events accepted by `filter`, mapped by `select`, until the subscriber leaves. Payloads keep the
   * order of their events even when `select` is asynchronous.
   */
  stream<Payload>(
    filter: (event: TradingEvent) => boolean,
    select: (event: TradingEvent) => Payload | Promise<Payload>,
  ): AsyncIterableIterator<Payload> {
    const maxWaiting = this.options.maxWaitingPerSubscriber ?? 1_024;
    return new Repeater<Payload>(async (push, stop) => {
      await this.start();
      let delivered: Promise<unknown> = Promise.resolve();
      let waiting = 0;
      const listener = (event: TradingEvent) => {
        if (!filter(event)) return;
        if (++waiting > maxWaiting) {
          stop(new Error(`a subscriber of ${this.options.name} fell ${maxWaiting} events behind`));
          return;
        }
        delivered = delivered
          .then(async () => push(await select(event)))
          .then(() => void waiting--)
          .catch(stop);
      };
      this.listeners.add(listener);
      await stop;
      this.listeners.delete(listener);
    });
  }
}

const liveEventsByBus = new WeakMap<EventBus, Map<string, LiveEvents>>();

/**
 * The one `LiveEvents` of a subgraph in this process for `bus`: every request's context asks for
 * it, and all of them must share one bus subscription.
 */
export function liveEventsOf(bus: EventBus, options: LiveEventsOptions): LiveEvents {
  const key = unmeteredBus(bus);
  let byName = liveEventsByBus.get(key);
  if (!byName) {
    byName = new Map();
    liveEventsByBus.set(key, byName);
  }
  let live = byName.get(options.name);
  if (!live) {
    live = new LiveEvents(bus, options);
    byName.set(options.name, live);
  }
  return live;
}
