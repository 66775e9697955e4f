import { Decimal, type OrderStatus } from '@mib/db';
import type { EventOf, OrderState, TradingEvent } from '@mib/events';
import { averageWithFills, NOTHING_FILLED, type FillsAverage, type FillsBefore } from './fillsAverage.js';
import type { MirroredOrder } from './orderState.js';

type OrderEvent = Extract<TradingEvent, { type: `order.${string}` }>;
type OrderStateEvent = Exclude<OrderEvent, EventOf<'order.rejected'>>;

export const isOrderEvent = (event: TradingEvent): event is OrderEvent => event.type.startsWith('order.');

/** The status an order is in after an event of `type`. */
function statusAfter(event: OrderStateEvent): OrderStatus {
  switch (event.type) {
    case 'order.filled':
      return 'FILLED';
    case 'order.cancelled':
      return 'CANCELLED';
    case 'order.partially_filled':
      return 'PARTIALLY_FILLED';
    case 'order.accepted':
    case 'order.amended':
      return new Decimal(event.payload.filledQuantity).isZero() ? 'OPEN' : 'PARTIALLY_FILLED';
  }
}

type FillEvent = EventOf<'order.partially_filled' | 'order.filled'>;

export const isFillEvent = (event: OrderStateEvent): event is FillEvent =>
  event.type === 'order.partially_filled' || event.type === 'order.filled';

/** The order's average after the fill `event` reports, from the `stored` one (see `averageWithFills`). */
export function averageAfterFill(stored: FillsBefore | null, { payload }: FillEvent): FillsAverage | null {
  const fill = { price: payload.lastFillPrice, quantity: payload.lastFillQuantity };
  return averageWithFills(stored ?? NOTHING_FILLED, [fill], payload.filledQuantity);
}

/**
 * The mirrored state an order event describes. `instrumentId` comes from the catalogue (events
 * name symbols); `average` is the caller's, computed from the stored row for fills.
 */
export function mirrorOfEvent(
  event: OrderStateEvent,
  instrumentId: string,
  average: FillsAverage | null,
): MirroredOrder {
  const state: OrderState = event.payload;
  return {
    engineOrderId: state.orderId,
    userId: state.accountId,
    instrumentId,
    side: state.side,
    type: state.orderType,
    status: statusAfter(event),
    price: state.price,
    quantity: state.quantity,
    filledQuantity: state.filledQuantity,
    average,
    rejectReason: null,
    sequence: event.sequence,
    at: new Date(event.occurredAt),
  };
}
