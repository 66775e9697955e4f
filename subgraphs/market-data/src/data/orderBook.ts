import { status } from '@grpc/grpc-js';
import type { Instrument } from '@mib/db';
import { EngineRequestError, type EngineClient } from '@mib/engine';
import { badUserInput } from '@mib/errors';

/** Most price levels per side a client may ask for: deeper books belong to bulk feeds, not GraphQL. */
export const MAX_BOOK_DEPTH = 100;
export const DEFAULT_BOOK_DEPTH = 10;

/** All resting orders at one price on one side. Prices and quantities stay exact strings. */
export interface PriceLevel {
  readonly price: string;
  readonly quantity: string;
  readonly orders: number;
}

export interface OrderBookSnapshot {
  readonly instrument: Instrument;
  readonly bids: PriceLevel[];
  readonly asks: PriceLevel[];
}

/** The requested depth, or BAD_USER_INPUT outside 1..MAX_BOOK_DEPTH. */
export function checkBookDepth(depth: number | null | undefined): number {
  const levels = depth ?? DEFAULT_BOOK_DEPTH;
  if (!Number.isInteger(levels) || levels < 1 || levels > MAX_BOOK_DEPTH)
    throw badUserInput(`\`depth\` must be between 1 and ${MAX_BOOK_DEPTH}`, 'depth');
  return levels;
}

/**
 * The instrument's book as the engine holds it now, `depth` levels per side, best first; null
 * when the engine does not trade the instrument. Other engine failures propagate.
 */
export async function loadOrderBook(
  engine: EngineClient,
  instrument: Instrument,
  depth: number,
): Promise<OrderBookSnapshot | null> {
  try {
    const book = await engine.getOrderBook(instrument.symbol, depth);
    const levels = (side: typeof book.bids) =>
      side.map((level) => ({ price: level.price, quantity: level.quantity, orders: level.orderCount }));
    return { instrument, bids: levels(book.bids), asks: levels(book.asks) };
  } catch (error) {
    if (error instanceof EngineRequestError && error.status === status.NOT_FOUND) return null;
    throw error;
  }
}
