import type { Prisma } from '@mib/db';
import { ExactDecimal } from './exactDecimal.js';
import type { HeldPosition } from './heldPositions.js';
import { inUsd } from './reportingCurrency.js';

export interface SymbolExposure {
  readonly symbol: string;
  /** The instrument's currency, the one `price` is in; null when the symbol is not catalogued. */
  readonly currency: string | null;
  readonly quantity: Prisma.Decimal;
  readonly price: Prisma.Decimal;
  /** quantity × price in USD: negative for a short; null when `currency` has no USD rate. */
  readonly notional: Prisma.Decimal | null;
  /** |notional| / gross notional (floating point: a share, not money); null without a gross. */
  readonly concentration: number | null;
}

export interface Exposure {
  /** Σ |notional| in USD: what the account has at stake either way. */
  readonly grossNotional: Prisma.Decimal | null;
  /** Σ notional in USD: longs minus shorts. */
  readonly netNotional: Prisma.Decimal | null;
  /** Largest |notional| first, then those without one. */
  readonly positions: SymbolExposure[];
}

/**
 * Gross and net notional in USD of the open positions at their mark prices, with each symbol's
 * share. A position without a USD value is listed without a notional, and the totals and shares
 * are null: a sum that left it out would look complete.
 */
export function exposureOf(positions: readonly HeldPosition[]): Exposure {
  const notionals = positions.map((position) => ({
    position,
    notional: inUsd(new ExactDecimal(position.quantity).times(position.price), position),
  }));
  let gross: Prisma.Decimal | null = new ExactDecimal(0);
  let net: Prisma.Decimal | null = new ExactDecimal(0);
  for (const { notional } of notionals) {
    gross = notional && gross && gross.plus(notional.abs());
    net = notional && net && net.plus(notional);
  }
  return {
    grossNotional: gross,
    netNotional: net,
    positions: notionals
      .map(({ position, notional }) => ({
        symbol: position.symbol,
        currency: position.currency,
        quantity: position.quantity,
        price: position.price,
        notional,
        concentration: shareOf(notional, gross),
      }))
      .sort(largestNotionalFirst),
  };
}

function shareOf(notional: Prisma.Decimal | null, gross: Prisma.Decimal | null): number | null {
  if (!notional || !gross) return null;
  return gross.isZero() ? 0 : notional.abs().dividedBy(gross).toNumber();
}

/** By |notional|, largest first; those without one last, in the order they came (by symbol). */
function largestNotionalFirst(a: SymbolExposure, b: SymbolExposure): number {
  if (a.notional && b.notional) return b.notional.abs().comparedTo(a.notional.abs());
  return (a.notional ? 0 : 1) - (b.notional ? 0 : 1);
}
