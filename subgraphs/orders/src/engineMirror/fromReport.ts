import { Decimal, type OrderSide, type OrderType } from '@mib/db';
import type { OrderReport } from '@mib/engine';
import { statusOf, type MirroredOrder } from './orderState.js';

/** What an order had filled, and at what average price, before a command. */
export interface FillsBefore {
  readonly averagePrice: Decimal | null;
  readonly filledQuantity: Decimal;
}

/** A new order's: nothing. */
export const NOTHING_FILLED: FillsBefore = { averagePrice: null, filledQuantity: new Decimal(0) };

/**
 * Volume-weighted price of the order's fills after the command: its own fills (as taker, e.g. an
 * amend whose new price crosses) averaged in with `before`. Null (the stored average stays) when
 * the command filled nothing, or when `before` misses fills the engine had made (the stored row
 * lags the events), since the average of those is not in the report.
 */
function averageAfter(report: OrderReport, before: FillsBefore): string | null {
  if (report.fills.length === 0) return null;
  if (before.averagePrice === null && !before.filledQuantity.isZero()) return null;
  let quantity = new Decimal(0);
  let notional = (before.averagePrice ?? new Decimal(0)).times(before.filledQuantity);
  for (const fill of report.fills) {
    quantity = quantity.plus(fill.quantity);
    notional = notional.plus(new Decimal(fill.price).times(fill.quantity));
  }
  const filled = new Decimal(report.filledQuantity);
  if (!filled.minus(quantity).equals(before.filledQuantity)) return null;
  return notional.dividedBy(filled).toDecimalPlaces(8).toFixed();
}

/**
 * The state of an order after a command, from the engine's report. A new order's report holds
 * all its fills; for cancel and amend its fills are added to the average the order had `before`.
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
    averagePrice: averageAfter(report, context.before),
    rejectReason: null,
    sequence: Number(report.sequence),
    at: context.at,
  };
}
