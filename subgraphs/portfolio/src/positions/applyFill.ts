import { Prisma } from '@mib/db';

/**
 * Wide enough for exact products and sums of NUMERIC(20,8) values (40 significant digits) and
 * of a quantity with a bid/ask mid (9 decimals, 21 digits) or a mid less a cost (22): 42; 50
 * leaves room for sums. Prisma's default Decimal keeps 20 and would round before we decide how to.
 */
export const ExactDecimal = Prisma.Decimal.clone({ precision: 50, rounding: Prisma.Decimal.ROUND_HALF_EVEN });
export type ExactDecimal = Prisma.Decimal;

/** A decimal as a string (the wire and event form) or a Decimal. */
export type DecimalValue = string | Prisma.Decimal;

/** Scales of the columns the results are stored in (prisma/schema.prisma). */
export const PRICE_SCALE = 8;
export const MONEY_SCALE = 4;

/** The part of a position a fill changes. */
export interface PositionState {
  /** Signed: negative for a short. */
  readonly quantity: DecimalValue;
  readonly averageCost: DecimalValue;
  readonly realizedPnl: DecimalValue;
}

export interface Fill {
  readonly side: 'BUY' | 'SELL';
  readonly price: DecimalValue;
  /** Positive. */
  readonly quantity: DecimalValue;
}

export interface FillOutcome {
  readonly position: { quantity: ExactDecimal; averageCost: ExactDecimal; realizedPnl: ExactDecimal };
  /** Change of cash: −price × quantity for a buy, + for a sell, at the money scale. */
  readonly cashChange: ExactDecimal;
}

/**
 * Applies one fill to a position with the standard average-cost method:
 * - a fill in the direction of the position (or opening one) re-averages the cost,
 *   (|q|·avg + qty·price) / (|q| + qty);
 * - a fill against it realizes (price − avg) × closed for a long, (avg − price) × closed for a
 *   short, and leaves the average cost of what stays open unchanged;
 * - crossing through zero realizes the closed part and opens the rest at the fill price.
 * Average cost is rounded to the price scale, money (realized P&L, cash) to the money scale,
 * half to even, once per fill, so stored values are what this function returns.
 */
export function applyFill(position: PositionState, fill: Fill): FillOutcome {
  const held = new ExactDecimal(position.quantity);
  const averageCost = new ExactDecimal(position.averageCost);
  const price = new ExactDecimal(fill.price);
  const traded = new ExactDecimal(fill.quantity);
  const signed = fill.side === 'BUY' ? traded : traded.negated();
  const cashChange = signed.times(price).negated().toDecimalPlaces(MONEY_SCALE);
  const quantity = held.plus(signed);

  if (held.isZero() || held.isNegative() === signed.isNegative()) {
    const cost = held.abs().times(averageCost).plus(traded.times(price));
    const averaged = quantity.isZero() ? new ExactDecimal(0) : cost.dividedBy(quantity.abs());
    return {
      position: {
        quantity,
        averageCost: averaged.toDecimalPlaces(PRICE_SCALE),
        realizedPnl: new ExactDecimal(position.realizedPnl),
      },
      cashChange,
    };
  }

  const closed = ExactDecimal.min(held.abs(), traded);
  const gainPerUnit = held.isNegative() ? averageCost.minus(price) : price.minus(averageCost);
  const realizedPnl = new ExactDecimal(position.realizedPnl).plus(
    gainPerUnit.times(closed).toDecimalPlaces(MONEY_SCALE),
  );
  const remainingCost = quantity.isZero()
    ? new ExactDecimal(0)
    : quantity.isNegative() === held.isNegative()
      ? averageCost
      : price;
  return { position: { quantity, averageCost: remainingCost, realizedPnl }, cashChange };
}
