import { Decimal } from '@mib/db';

/**
 * The volume-weighted price of an order's fills up to `quantity` filled. An order's filled
 * quantity only grows, so of two averages the one over more quantity is the newer.
 */
export interface FillsAverage {
  /** Decimal strings, exact. */
  readonly price: string;
  readonly quantity: string;
}

/**
 * The average an order's row held before a command or event, and the filled quantity it is the
 * average of (which may trail the row's filled quantity: fills whose prices are still on their
 * way in events). An order row is one.
 */
export interface FillsBefore {
  readonly averagePrice: Decimal | null;
  readonly pricedQuantity: Decimal | null;
}

/** A new order's, or a row not written yet: no average. */
export const NOTHING_FILLED: FillsBefore = { averagePrice: null, pricedQuantity: null };

/**
 * The average after `fills` (a command's, as taker, or one fill event's), from the one `before`
 * them, over `filledQuantity`, the order's filled quantity after them. Exact only when `before`
 * covers exactly the fills before these; null, leaving the stored average alone, when there are
 * no fills, when `before` covers some of them already (a redelivery, or the writer that made the
 * fill mirrored it first), or when it misses fills before them (their prices are not here).
 */
export function averageWithFills(
  before: FillsBefore,
  fills: readonly { readonly price: string; readonly quantity: string }[],
  filledQuantity: string,
): FillsAverage | null {
  if (fills.length === 0) return null;
  // An average of unknown coverage (written before coverage was kept) is not built on.
  if (before.averagePrice !== null && before.pricedQuantity === null) return null;
  const priced = before.pricedQuantity ?? new Decimal(0);
  let quantity = new Decimal(0);
  let notional = (before.averagePrice ?? new Decimal(0)).times(priced);
  for (const fill of fills) {
    quantity = quantity.plus(fill.quantity);
    notional = notional.plus(new Decimal(fill.price).times(fill.quantity));
  }
  const filled = new Decimal(filledQuantity);
  if (filled.isZero() || !filled.minus(quantity).equals(priced)) return null;
  return { price: notional.dividedBy(filled).toDecimalPlaces(8).toFixed(), quantity: filled.toFixed() };
}
