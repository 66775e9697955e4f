import type { OrderSide, OrderStatus, OrderType } from '@mib/db';
import type { FillsAverage } from './fillsAverage.js';

/** One order as the engine last described it, in the orders domain's terms. */
export interface MirroredOrder {
  readonly engineOrderId: string;
  readonly userId: string;
  readonly instrumentId: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly status: OrderStatus;
  /** Decimal strings, exact. `price` is null for market orders. */
  readonly price: string | null;
  readonly quantity: string;
  readonly filledQuantity: string;
  /** Known for a mirror built from fills; null leaves the stored average alone. */
  readonly average: FillsAverage | null;
  readonly rejectReason: string | null;
  /** Shard sequence of the engine event this state comes from. */
  readonly sequence: number;
  readonly at: Date;
}

/** The engine's status names (`OPEN`, `PARTIALLY_FILLED`, …) mapped onto ours. */
export function statusOf(engineStatus: string, filledQuantity: string): OrderStatus {
  switch (engineStatus) {
    case 'FILLED':
      return 'FILLED';
    case 'CANCELLED':
      return 'CANCELLED';
    case 'PARTIALLY_FILLED':
      return 'PARTIALLY_FILLED';
    default:
      return isZero(filledQuantity) ? 'OPEN' : 'PARTIALLY_FILLED';
  }
}

const isZero = (decimal: string): boolean => /^0*(\.0*)?$/.test(decimal);
