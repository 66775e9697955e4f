import { EventField, EventType } from '../core/index.js';
import type { PendingEntry } from './pendingRequests.js';

/** One fill of a taker order, as the command's TRADE events report it. */
export interface FillOutcome {
  readonly tradeId: number;
  readonly price: number;
  readonly quantity: number;
  readonly makerOrderId: number;
}

/** What one SUBMIT, CANCEL or AMEND (or CANCEL_ALL, per order) did to its order, from the order's last event. */
export interface OrderOutcome {
  readonly shard: number;
  readonly orderId: number;
  readonly symbolId: number;
  readonly accountId: number;
  /** Type of the order's last event (ORDER_ACCEPTED … ORDER_AMENDED), 0 if none arrived. */
  readonly lastEventType: number;
  /** Reject reason on ORDER_REJECTED, cancel reason on ORDER_CANCELLED, else 0. */
  readonly reason: number;
  readonly side: number;
  readonly orderType: number;
  readonly price: number;
  readonly quantity: number;
  readonly filledQuantity: number;
  readonly leavesQuantity: number;
  readonly fills: readonly FillOutcome[];
  /** Sequence of the last event the command caused. */
  readonly sequence: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function emptyOutcome(shard: number, orderId: number, symbolId: number, accountId: number): Mutable<OrderOutcome> & { fills: FillOutcome[] } {
  return {
    shard,
    orderId,
    symbolId,
    accountId,
    lastEventType: 0,
    reason: 0,
    side: 0,
    orderType: 0,
    price: 0,
    quantity: 0,
    filledQuantity: 0,
    leavesQuantity: 0,
    fills: [],
    sequence: 0,
  };
}

/** Takes the order's state after an order event (ORDER_ACCEPTED … ORDER_AMENDED) into `outcome`. */
function applyOrderEvent(outcome: Mutable<OrderOutcome>, slots: Float64Array, at: number): void {
  const type = slots[at + EventField.TYPE] ?? 0;
  outcome.lastEventType = type;
  outcome.accountId = slots[at + EventField.ACCOUNT_ID] ?? 0;
  outcome.side = slots[at + EventField.SIDE] ?? 0;
  outcome.orderType = slots[at + EventField.ORDER_TYPE] ?? 0;
  outcome.price = slots[at + EventField.PRICE] ?? 0;
  outcome.quantity = slots[at + EventField.QUANTITY] ?? 0;
  outcome.filledQuantity = slots[at + EventField.FILLED_QUANTITY] ?? 0;
  outcome.leavesQuantity = slots[at + EventField.LEAVES_QUANTITY] ?? 0;
  outcome.reason =
    type === EventType.ORDER_REJECTED || type === EventType.ORDER_CANCELLED
      ? (slots[at + EventField.REASON] ?? 0)
      : 0;
}

/** Collects the events of one order command into an OrderOutcome and settles a promise. */
export class OrderCommandEntry implements PendingEntry {
  readonly firstRequestId: number;
  readonly lastRequestId: number;
  readonly promise: Promise<OrderOutcome>;
  private readonly outcome: Mutable<OrderOutcome> & { fills: FillOutcome[] };
  private resolve!: (outcome: OrderOutcome) => void;
  private reject!: (error: Error) => void;

  constructor(requestId: number, shard: number, orderId: number, symbolId: number, accountId: number) {
    this.firstRequestId = requestId;
    this.lastRequestId = requestId;
    this.outcome = emptyOutcome(shard, orderId, symbolId, accountId);
    this.promise = new Promise<OrderOutcome>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  onEvent(slots: Float64Array, at: number): void {
    const outcome = this.outcome;
    const type = slots[at + EventField.TYPE] ?? 0;
    outcome.sequence = slots[at + EventField.SEQUENCE] ?? 0;
    if (type === EventType.TRADE) {
      if (slots[at + EventField.TAKER_ORDER_ID] !== outcome.orderId) return;
      outcome.fills.push({
        tradeId: slots[at + EventField.TRADE_ID] ?? 0,
        price: slots[at + EventField.TRADE_PRICE] ?? 0,
        quantity: slots[at + EventField.TRADE_QUANTITY] ?? 0,
        makerOrderId: slots[at + EventField.MAKER_ORDER_ID] ?? 0,
      });
      return;
    }
    if (type < EventType.ORDER_ACCEPTED || type > EventType.ORDER_AMENDED) return;
    if (slots[at + EventField.ORDER_ID] !== outcome.orderId) return;
    applyOrderEvent(outcome, slots, at);
  }

  onDone(): void {
    this.resolve(this.outcome);
  }

  fail(error: Error): void {
    this.reject(error);
  }
}

/**
 * Collects the events of one CANCEL_ALL on one shard: an OrderOutcome per ORDER_CANCELLED (one per
 * cancelled order, as OrderCommandEntry reads that event, with the event's sequence), or the
 * command's one ORDER_REJECTED. Its QUOTE and CANDLE_CLOSED events are not order outcomes.
 */
export class CancelAllEntry implements PendingEntry {
  readonly firstRequestId: number;
  readonly lastRequestId: number;
  readonly promise: Promise<OrderOutcome[]>;
  private readonly outcomes: OrderOutcome[] = [];
  private resolve!: (outcomes: OrderOutcome[]) => void;
  private reject!: (error: Error) => void;

  constructor(
    requestId: number,
    private readonly shard: number,
  ) {
    this.firstRequestId = requestId;
    this.lastRequestId = requestId;
    this.promise = new Promise<OrderOutcome[]>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  onEvent(slots: Float64Array, at: number): void {
    const type = slots[at + EventField.TYPE];
    if (type !== EventType.ORDER_CANCELLED && type !== EventType.ORDER_REJECTED) return;
    const outcome = emptyOutcome(this.shard, slots[at + EventField.ORDER_ID] ?? 0, slots[at + EventField.SYMBOL_ID] ?? 0, 0);
    applyOrderEvent(outcome, slots, at);
    outcome.sequence = slots[at + EventField.SEQUENCE] ?? 0;
    this.outcomes.push(outcome);
  }

  onDone(): void {
    this.resolve(this.outcomes);
  }

  fail(error: Error): void {
    this.reject(error);
  }
}

/** Settles once every command of a request produced its events; collects rejections. */
export class CommandGroup {
  readonly promise: Promise<void>;
  /** Reject reason per request id that was rejected. */
  readonly rejections = new Map<number, number>();
  /** Events of the group, in arrival order (copies; only kept when asked for). */
  readonly events: Float64Array[] = [];
  private remaining = 0;
  private settle!: () => void;
  private fail!: (error: Error) => void;
  private readonly keepEvents: boolean;

  constructor(keepEvents = false) {
    this.keepEvents = keepEvents;
    this.promise = new Promise<void>((resolve, reject) => {
      this.settle = resolve;
      this.fail = reject;
    });
  }

  /** A pending entry for the commands `first … last` of this group sent to one shard. */
  entry(firstRequestId: number, lastRequestId: number): PendingEntry & { fail(error: Error): void } {
    this.remaining++;
    return {
      firstRequestId,
      lastRequestId,
      onEvent: (slots, at) => {
        if (slots[at + EventField.TYPE] === EventType.ORDER_REJECTED) {
          this.rejections.set(slots[at + EventField.REQUEST_ID] ?? 0, slots[at + EventField.REASON] ?? 0);
        }
        if (this.keepEvents) this.events.push(slots.slice(at, at + 16));
      },
      onDone: () => {
        if (--this.remaining === 0) this.settle();
      },
      fail: (error) => this.fail(error),
    };
  }

  /** Settles at once when no entry was created (e.g. an empty batch). */
  seal(): void {
    if (this.remaining === 0) this.settle();
  }
}
