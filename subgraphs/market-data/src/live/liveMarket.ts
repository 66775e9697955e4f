import type { EventBus, EventOf, EventType, Topic, TradingEvent } from '@mib/events';
import { LiveEvents, SubscriberCount, unmeteredBus } from '@mib/subgraph-kit';

/**
 * Every topic a market-data subscription reads: quotes and trades move the top of books, orders
 * every level (an order resting, cancelled or amended below the best price changes no quote),
 * candles close.
 */
const LIVE_TOPICS: readonly Topic[] = ['quotes', 'trades', 'orders', 'candles'];

/**
 * The live market events behind the subscription fields: one bus membership per process (through
 * `LiveEvents`), fanned out to every subscriber, with a count of open subscribers.
 */
export class LiveMarket {
  readonly #events: LiveEvents;
  readonly #subscribers = new SubscriberCount();

  constructor(bus: EventBus) {
    this.#events = new LiveEvents(bus, { name: 'market-data', topics: LIVE_TOPICS });
  }

  /** Joins the bus now, so events published after start-up reach the first subscriber too. */
  async start(): Promise<void> {
    await this.#events.start();
  }

  /** Subscribers whose event listener is registered now. */
  get subscribers(): number {
    return this.#subscribers.current;
  }

  /** Resolves once `count` subscribers are registered (for readiness checks and tests). */
  whenSubscribers(count: number): Promise<void> {
    return this.#subscribers.when(count);
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
    return this.#subscribers.track(
      this.#events.stream(
        (event) => isOfTypes(event) && filter(event),
        // LiveEvents selects only what the filter admitted, so the type check above holds here.
        (event) => select(event as EventOf<Type>),
      ),
    );
  }
}

const liveMarkets = new WeakMap<EventBus, LiveMarket>();

/**
 * The one `LiveMarket` of this process on `bus`: the background start-up and every subscription
 * context share it, so a process joins the bus once however many subscribers it serves.
 */
export function liveMarketOn(bus: EventBus): LiveMarket {
  // Keyed by the bus itself: the service's metered view of it and a caller holding the plain bus share one.
  const key = unmeteredBus(bus);
  let live = liveMarkets.get(key);
  if (!live) {
    live = new LiveMarket(bus);
    liveMarkets.set(key, live);
  }
  return live;
}
