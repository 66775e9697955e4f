import { Repeater } from '@repeaterjs/repeater';
import type { EventBus, EventOf, EventType, Topic, TradingEvent } from '@mib/events';
import { LiveEvents } from '@mib/subgraph-kit';

/** Every topic a market-data subscription reads: quotes and trades move books, candles close. */
const LIVE_TOPICS: readonly Topic[] = ['quotes', 'trades', 'candles'];

/**
 * The live market events behind the subscription fields: one bus membership per process (through
 * `LiveEvents`), fanned out to every subscriber, with a count of open subscribers.
 */
export class LiveMarket {
  readonly #events: LiveEvents;
  #subscribers = 0;
  readonly #watchers = new Set<() => void>();

  constructor(bus: EventBus) {
    this.#events = new LiveEvents(bus, { name: 'market-data', topics: LIVE_TOPICS });
  }

  /** Joins the bus now, so events published after start-up reach the first subscriber too. */
  async start(): Promise<void> {
    await this.#events.start();
  }

  /** Subscribers whose event listener is registered now. */
  get subscribers(): number {
    return this.#subscribers;
  }

  /** Resolves once `count` subscribers are registered (for readiness checks and tests). */
  whenSubscribers(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.#subscribers !== count) return;
        this.#watchers.delete(check);
        resolve();
      };
      this.#watchers.add(check);
      check();
    });
  }

  /**
   * Events of `types` accepted by `filter`, mapped by `select`, until the subscriber leaves.
   * Values are pulled one at a time, so a slow subscriber holds back only itself.
   */
  stream<Type extends EventType, Payload>(
    types: readonly Type[],
    filter: (event: EventOf<Type>) => boolean,
    select: (event: EventOf<Type>) => Payload,
  ): AsyncIterableIterator<Payload> {
    const isOfTypes = (event: TradingEvent): event is EventOf<Type> =>
      (types as readonly EventType[]).includes(event.type);
    return new Repeater<Payload>(async (push, stop) => {
      const events = this.#events.stream(
        (event) => isOfTypes(event) && filter(event),
        // LiveEvents selects only what the filter admitted, so the type check above holds here.
        (event) => select(event as EventOf<Type>),
      );
      let next = events.next();
      // The first pull registers the listener within a few microtasks (after `LiveEvents.start`);
      // counting on the next macrotask means a counted subscriber can no longer miss an event.
      setImmediate(() => this.#count(+1));
      try {
        for (;;) {
          const result = await Promise.race([next, stop]);
          if (result === undefined || result.done === true) break;
          await push(result.value);
          next = events.next();
        }
      } finally {
        await events.return?.();
        setImmediate(() => this.#count(-1));
      }
    });
  }

  #count(change: number): void {
    this.#subscribers += change;
    for (const watcher of [...this.#watchers]) watcher();
  }
}

const liveMarkets = new WeakMap<EventBus, LiveMarket>();

/**
 * The one `LiveMarket` of this process on `bus`: the background start-up and every subscription
 * context share it, so a process joins the bus once however many subscribers it serves.
 */
export function liveMarketOn(bus: EventBus): LiveMarket {
  let live = liveMarkets.get(bus);
  if (!live) {
    live = new LiveMarket(bus);
    liveMarkets.set(bus, live);
  }
  return live;
}
