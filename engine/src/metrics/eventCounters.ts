import { EventField, EventType } from '../core/index.js';

/** Slots of `byType`: event types are 1 … 11 (layout.ts), masked so a stray value cannot grow it. */
const TYPE_SLOTS = 16;
/** Slots of `rejectsByReason`: reject reasons are 101 … 399 (one range per stage); above counts at 0. */
const REASON_SLOTS = 400;

/**
 * What the main thread counts of the events it reads off the shards' rings anyway (ShardOutputs):
 * plain typed-array bumps indexed by event type and reject reason, nothing in the workers. The
 * metrics endpoint folds them into Prometheus counters when scraped (engineMetrics.ts).
 */
export class EventCounters {
  /** Events by EventType. */
  readonly byType = new Float64Array(TYPE_SLOTS);
  /** ORDER_REJECTED events by RejectReason (0: a reason outside 1 … 399). */
  readonly rejectsByReason = new Float64Array(REASON_SLOTS);
  /** TRADE events matched in a book (not ingested external prints, whose maker order id is 0). */
  matchedTrades = 0;

  /** Counts one event slot. */
  count(slots: Float64Array, at: number): void {
    const type = slots[at + EventField.TYPE] ?? 0;
    this.byType[type & (TYPE_SLOTS - 1)]!++;
    if (type === EventType.ORDER_REJECTED) {
      const reason = slots[at + EventField.REASON] ?? 0;
      this.rejectsByReason[reason > 0 && reason < REASON_SLOTS ? reason : 0]!++;
    } else if (type === EventType.TRADE && slots[at + EventField.MAKER_ORDER_ID] !== 0) {
      this.matchedTrades++;
    }
  }
}
