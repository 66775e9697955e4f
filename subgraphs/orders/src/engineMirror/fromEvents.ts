import { Decimal, type OrderStatus } from '@mib/db';
import type { EventOf, OrderState, TradingEvent } from '@mib/events';
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

/** Average fill price after one more fill, from the average and filled quantity before it. */
export function averageAfterFill(
  before: { averagePrice: Decimal | null; filledQuantity: Decimal },
  fill: { price: string; quantity: string },
): string {
  const filled = before.filledQuantity.plus(fill.quantity);
  const notional = (before.averagePrice ?? new Decimal(0))
    .times(before.filledQuantity)
    .plus(new Decimal(fill.price).times(fill.quantity));
  return filled.isZero() ? fill.price : notional.dividedBy(filled).toDecimalPlaces(8).toFixed();
}

/**
 * The mirrored state an order event describes. `instrumentId` comes from the catalogue (events
 * name symbols); `averagePrice` is the caller's, computed from the stored row for fills.
 */
export function mirrorOfEvent(
  event: OrderStateEvent,
  instrumentId: string,
  averagePrice: string | null,
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
    averagePrice,
    rejectReason: null,
    sequence: event.sequence,
    at: new Date(event.occurredAt),
  };
}
