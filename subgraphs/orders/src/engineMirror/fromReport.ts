import { Decimal, type OrderSide, type OrderType } from '@mib/db';
import type { OrderReport } from '@mib/engine';
import { statusOf, type FillsAverage, type MirroredOrder } from './orderState.js';

/**
 * The average an order's row held before a command, and the filled quantity it is the average of
 * (which may trail the row's filled quantity: fills whose prices are still on their way in events).
 * An order row is one.
 */
export interface FillsBefore {
  readonly averagePrice: Decimal | null;
  readonly pricedQuantity: Decimal | null;
}

/** A new order's: nothing. */
export const NOTHING_FILLED: FillsBefore = { averagePrice: null, pricedQuantity: null };

/**
 * Volume-weighted price of the order's fills after the command: its own fills (as taker, e.g. an
 * amend whose new price crosses) averaged in with `before`. Null (the stored average stays) when
 * the command filled nothing, or when `before` misses fills the engine had made (the stored
 * average lags the events), since the prices of those are not in the report.
 */
function averageAfter(report: OrderReport, before: FillsBefore): FillsAverage | null {
  if (report.fills.length === 0) return null;
  if (before.averagePrice !== null && before.pricedQuantity === null) return null;
  const priced = before.pricedQuantity ?? new Decimal(0);
  let quantity = new Decimal(0);
  let notional = (before.averagePrice ?? new Decimal(0)).times(priced);
  for (const fill of report.fills) {
    quantity = quantity.plus(fill.quantity);
    notional = notional.plus(new Decimal(fill.price).times(fill.quantity));
  }
  const filled = new Decimal(report.filledQuantity);
  if (!filled.minus(quantity).equals(priced)) return null;
  return { price: notional.dividedBy(filled).toDecimalPlaces(8).toFixed(), quantity: filled.toFixed() };
}

/**
 * The state of an order after a command, from the engine's report. A new order's report holds
 * all its fills; for cancel and amend its fills are added to the average the order had `before`.
 * The average is over the report's filled quantity, its guard apart from the sequence's.
 */
export function mirrorOfReport(
  report: OrderReport,
  context: { userId: string; instrumentId: string; before: FillsBefore; at: Date },
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
    average: averageAfter(report, context.before),
    rejectReason: null,
    sequence: Number(report.sequence),
    at: context.at,
  };
}
