import { Decimal, type OrderSide, type OrderType } from '@mib/db';
import type { OrderReport } from '@mib/engine';
import { statusOf, type MirroredOrder } from './orderState.js';

/** Volume-weighted price of a command's fills; null when it filled nothing. */
function averageOfFills(fills: OrderReport['fills']): string | null {
  let quantity = new Decimal(0);
  let notional = new Decimal(0);
  for (const fill of fills) {
    quantity = quantity.plus(fill.quantity);
    notional = notional.plus(new Decimal(fill.price).times(fill.quantity));
  }
  return quantity.isZero() ? null : notional.dividedBy(quantity).toDecimalPlaces(8).toFixed();
}

/**
 * The state of an order after a command, from the engine's report. The fills of a new order's
 * report are all its fills, so they give its average price; for cancel and amend the stored
 * average stays (null here).
 */
export function mirrorOfReport(
  report: OrderReport,
  context: { userId: string; instrumentId: string; newOrder: boolean; at: Date },
): MirroredOrder {
  return {
    engineOrderId: report.orderId,
    userId: context.userId,
    instrumentId: context.instrumentId,
    side: report.side as OrderSide,
    type: report.type as OrderType,
    status: statusOf(report.status, report.filledQuantity),
    price: report.price === '' ? null : report.price,
    quantity: report.quantity,
    filledQuantity: report.filledQuantity,
    averagePrice: context.newOrder ? averageOfFills(report.fills) : null,
    rejectReason: null,
    sequence: Number(report.sequence),
    at: context.at,
  };
}
