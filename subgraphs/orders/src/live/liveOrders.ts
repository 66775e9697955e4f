import { Decimal, type Order, type PrismaClient, type Trade } from '@mib/db';
import type { EventOf, TradingEvent } from '@mib/events';
import type { InstrumentCatalog, LiveEvents } from '@mib/subgraph-kit';
import { orderIdOf, tradeIdOf } from '../engineMirror/engineIds.js';
import { isOrderEvent, mirrorOfEvent } from '../engineMirror/fromEvents.js';

type OrderStateEvent = Exclude<Extract<TradingEvent, { type: `order.${string}` }>, EventOf<'order.rejected'>>;

const isOrderStateEvent = (event: TradingEvent): event is OrderStateEvent =>
  isOrderEvent(event) && event.type !== 'order.rejected';

/**
 * Live order and trade streams of one user, built from the engine's events themselves so a
 * subscriber never waits for (or races) the read model. Fields outside the event (the average
 * price of earlier fills, trades) come from the read model as usual.
 */
export class LiveOrders {
  constructor(
    private readonly live: LiveEvents,
    private readonly prisma: PrismaClient,
    private readonly catalog: InstrumentCatalog,
  ) {}

  orderUpdates(userId: string): AsyncIterableIterator<{ myOrderUpdates: Order }> {
    return this.live.stream(
      (event) => isOrderStateEvent(event) && event.payload.accountId === userId,
      async (event) => ({ myOrderUpdates: await this.orderOf(event as OrderStateEvent) }),
    );
  }

  trades(userId: string): AsyncIterableIterator<{ myTrades: Trade }> {
    return this.live.stream(
      (event) =>
        event.type === 'trade' &&
        (event.payload.taker?.accountId === userId || event.payload.maker?.accountId === userId),
      async (event) => ({ myTrades: await this.tradeOf(event as EventOf<'trade'>) }),
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
    const current = stored !== null && stored.engineSequence >= BigInt(event.sequence);
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
      averagePrice: current ? stored.averagePrice : null,
      pricedQuantity: current ? stored.pricedQuantity : null,
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
