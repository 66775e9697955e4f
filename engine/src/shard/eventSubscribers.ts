import { EventField, EventType } from '../core/index.js';

/** Which events a subscriber wants; empty sets mean "all". Ids are numeric slot ids. */
export interface EventFilter {
  readonly symbolIds: ReadonlySet<number>;
  /** Order events of these accounts and trades where one is maker or taker. */
  readonly accountIds: ReadonlySet<number>;
  readonly types: ReadonlySet<number>;
}

export interface EventSubscriber {
  readonly filter: EventFilter;
  /** Called synchronously on the main thread; the slot is only valid during the call. */
  onEvent(shard: number, slots: Float64Array, offset: number): void;
}

/** True when the event in `slots` at `offset` passes `filter`. */
export function matchesFilter(filter: EventFilter, slots: Float64Array, offset: number): boolean {
  const type = slots[offset + EventField.TYPE] ?? 0;
  if (filter.types.size > 0 && !filter.types.has(type)) return false;
  if (filter.symbolIds.size > 0 && !filter.symbolIds.has(slots[offset + EventField.SYMBOL_ID] ?? 0))
    return false;
  if (filter.accountIds.size === 0) return true;
  if (type === EventType.TRADE) {
    return (
      filter.accountIds.has(slots[offset + EventField.TAKER_ACCOUNT_ID] ?? 0) ||
      filter.accountIds.has(slots[offset + EventField.MAKER_ACCOUNT_ID] ?? 0)
    );
  }
  if (type <= EventType.ORDER_AMENDED || type === EventType.RISK_LIMITS_SET) {
    return filter.accountIds.has(slots[offset + EventField.ACCOUNT_ID] ?? 0);
  }
  return false;
}

/** Live subscribers; publication is a loop over a small array, nothing when there are none. */
export class EventSubscribers {
  private subscribers: readonly EventSubscriber[] = [];

  get size(): number {
    return this.subscribers.length;
  }

  add(subscriber: EventSubscriber): () => void {
    this.subscribers = [...this.subscribers, subscriber];
    return () => {
      this.subscribers = this.subscribers.filter((other) => other !== subscriber);
    };
  }

  publish(shard: number, slots: Float64Array, offset: number): void {
    for (const subscriber of this.subscribers) {
      if (matchesFilter(subscriber.filter, slots, offset)) subscriber.onEvent(shard, slots, offset);
    }
  }
}
