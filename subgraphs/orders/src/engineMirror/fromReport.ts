import type { OrderSide, OrderType } from '@mib/db';
import type { OrderReport } from '@mib/engine';
import { averageWithFills, type FillsBefore } from './fillsAverage.js';
import { statusOf, type MirroredOrder } from './orderState.js';

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
    // The engine reports a MARKET order's price as 0 (it has none); the mirror keeps null.
    price: report.type === 'MARKET' || report.price === '' ? null : report.price,
    quantity: report.quantity,
    filledQuantity: report.filledQuantity,
    // A report's fills are the command's own (as taker): a cancel's are none.
    average: averageWithFills(context.before, report.fills, report.filledQuantity),
    rejectReason: null,
    sequence: Number(report.sequence),
    at: context.at,
  };
}
