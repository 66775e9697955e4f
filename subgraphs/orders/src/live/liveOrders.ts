import { Decimal, type Order, type PrismaClient, type Trade } from '@mib/db';
import type { EventOf, TradingEvent } from '@mib/events';
import type { InstrumentCatalog, LiveEvents, ReadModelProgress } from '@mib/subgraph-kit';
import { orderIdOf, tradeIdOf } from '../engineMirror/engineIds.js';
import { NOTHING_FILLED, type FillsBefore } from '../engineMirror/fillsAverage.js';
import { averageAfterFill, isFillEvent, isOrderEvent, mirrorOfEvent } from '../engineMirror/fromEvents.js';
import { orderStreamPast } from '../readModel/pendingTrades.js';
import { isRecordedRejection, recordedRejection } from './recordedRejection.js';

/** How long a live trade waits for the read model to record its orders before it is sent anyway. */
const ORDERS_WAIT_MS = 5_000;

type OrderStateEvent = Exclude<Extract<TradingEvent, { type: `order.${string}` }>, EventOf<'order.rejected'>>;

const isOrderStateEvent = (event: TradingEvent): event is OrderStateEvent =>
  isOrderEvent(event) && event.type !== 'order.rejected';

/**
 * Live order and trade streams of one user, built from the engine's events themselves. An order
 * update never waits for the read model: its average price is the row's with this fill added when
 * the row is behind. A new order the engine refused is sent as `placeOrder` recorded it (REJECTED),
 * waiting for that row at most `ORDERS_WAIT_MS`. A trade waits until the read model has recorded
 * its two orders (its `buyOrder` and `sellOrder` are rows), at most `ORDERS_WAIT_MS`.
 */
export class LiveOrders {
  constructor(
    private readonly live: LiveEvents,
    private readonly prisma: PrismaClient,
    private readonly catalog: InstrumentCatalog,
    private readonly progress: ReadModelProgress,
  ) {}

  orderUpdates(userId: string): AsyncIterableIterator<{ myOrderUpdates: Order }> {
    const updates = this.live.stream(
      (event) =>
        (isOrderStateEvent(event) || isRecordedRejection(event)) && event.payload.accountId === userId,
      async (event) => {
        const order = isRecordedRejection(event)
          ? await recordedRejection(this.prisma, event, ORDERS_WAIT_MS)
          : await this.orderOf(event as OrderStateEvent);
        return order && { myOrderUpdates: order };
      },
    );
    return withoutMissing(updates);
  }

  trades(userId: string): AsyncIterableIterator<{ myTrades: Trade }> {
    return this.live.stream(
      (event) =>
        event.type === 'trade' &&
        (event.payload.taker?.accountId === userId || event.payload.maker?.accountId === userId),
      async (event) => {
        const trade = event as EventOf<'trade'>;
        // A read model that lags longer: sent anyway; a side it has not recorded resolves to null.
        // Both orders' fills, the maker's then the taker's, follow the trade: by then both rows exist.
        await this.progress.until(orderStreamPast(trade, 2), ORDERS_WAIT_MS).catch(() => undefined);
        return { myTrades: await this.tradeOf(trade) };
      },
    );
  }

  private async orderOf(event: OrderStateEvent): Promise<Order> {
    const instrument = await this.catalog.bySymbolName(event.payload.symbol);
    const state = mirrorOfEvent(event, instrument?.id ?? '', null);
    const id = orderIdOf(state.engineOrderId);
    const stored = await this.prisma.order.findUnique({
      where: { id },
      select: { averagePrice: true, pricedQuantity: true, createdAt: true, engineSequence: true },
    });
    const average = averageAfter(event, stored);
    return {
      id,
      userId: state.userId,
      instrumentId: state.instrumentId,
      side: state.side,
      type: state.type,
      status: state.status,
      price: state.price === null ? null : new Decimal(state.price),
      quantity: new Decimal(state.quantity),
      filledQuantity: new Decimal(state.filledQuantity),
      averagePrice: average.averagePrice,
      pricedQuantity: average.pricedQuantity,
      rejectReason: null,
      engineOrderId: BigInt(state.engineOrderId),
      engineSequence: BigInt(event.sequence),
      createdAt: stored?.createdAt ?? state.at,
      updatedAt: state.at,
    };
  }

  private async tradeOf(event: EventOf<'trade'>): Promise<Trade> {
    const { taker, maker, aggressorSide } = event.payload;
    const instrument = await this.catalog.bySymbolName(event.payload.symbol);
    const [buy, sell] = aggressorSide === 'BUY' ? [taker, maker] : [maker, taker];
    return {
      id: tradeIdOf(event.shard, event.payload.tradeId),
      instrumentId: instrument?.id ?? '',
      buyOrderId: buy ? orderIdOf(buy.orderId) : '',
      sellOrderId: sell ? orderIdOf(sell.orderId) : '',
      price: new Decimal(event.payload.price),
      quantity: new Decimal(event.payload.quantity),
      executedAt: new Date(event.occurredAt),
      engineTradeId: BigInt(event.payload.tradeId),
      engineShard: event.shard,
      buyerUserId: buy?.accountId ?? '',
      sellerUserId: sell?.accountId ?? '',
    };
  }
}

/**
 * The order's average price after `event`, from its row: the row's own when it reflects the event
 * or covers every fill the event reports; for a fill the row is one behind, the row's with this
 * fill added (`averageAfterFill`); otherwise unknown here.
 */
function averageAfter(
  event: OrderStateEvent,
  stored: (FillsBefore & { readonly engineSequence: bigint }) | null,
): FillsBefore {
  if (stored && stored.engineSequence >= BigInt(event.sequence)) return stored;
  if (stored?.pricedQuantity?.equals(event.payload.filledQuantity)) return stored;
  if (!isFillEvent(event)) return NOTHING_FILLED;
  const after = averageAfterFill(stored, event);
  return after
    ? { averagePrice: new Decimal(after.price), pricedQuantity: new Decimal(after.quantity) }
    : NOTHING_FILLED;
}

/**
 * `source` without its undefined values (a rejection whose order was not recorded). Ending it ends
 * `source` at once, even while a value is awaited, which an async generator would defer.
 */
function withoutMissing<T>(source: AsyncIterableIterator<T | undefined>): AsyncIterableIterator<T> {
  const done = { done: true, value: undefined } as const;
  return {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done) return done;
        if (result.value !== undefined) return { done: false, value: result.value };
      }
    },
    async return() {
      await source.return?.();
      return done;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
