import type { Prisma } from '@mib/db';
import { ExactDecimal } from './exactDecimal.js';
import type { HeldPosition } from './heldPositions.js';

export interface SymbolExposure {
  readonly symbol: string;
  readonly quantity: Prisma.Decimal;
  readonly price: Prisma.Decimal;
  /** quantity × price: negative for a short. */
  readonly notional: Prisma.Decimal;
  /** |notional| / gross notional (floating point: a share, not money). */
  readonly concentration: number;
}

export interface Exposure {
  /** Σ |notional|: what the account has at stake either way. */
  readonly grossNotional: Prisma.Decimal;
  /** Σ notional: longs minus shorts. */
  readonly netNotional: Prisma.Decimal;
  /** Largest |notional| first. */
  readonly positions: SymbolExposure[];
}

/** Gross and net notional of the open positions at their mark prices, with each symbol's share. */
export function exposureOf(positions: readonly HeldPosition[]): Exposure {
  const notionals = positions.map((position) => ({
    position,
    notional: new ExactDecimal(position.quantity).times(position.price),
  }));
  const gross = notionals.reduce((sum, { notional }) => sum.plus(notional.abs()), new ExactDecimal(0));
  const net = notionals.reduce((sum, { notional }) => sum.plus(notional), new ExactDecimal(0));
  return {
    grossNotional: gross,
    netNotional: net,
    positions: notionals
      .map(({ position, notional }) => ({
        symbol: position.symbol,
        quantity: position.quantity,
        price: position.price,
        notional,
        concentration: gross.isZero() ? 0 : notional.abs().dividedBy(gross).toNumber(),
      }))
      .sort((a, b) => b.notional.abs().comparedTo(a.notional.abs())),
  };
}
