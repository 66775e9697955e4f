import { Side } from '../core/index.js';
import type { ExternalTrade__Output } from './generated/mib/engine/v1/ExternalTrade.js';
import { decimalToUnits } from './wireDecimal.js';

/**
 * How far ahead of the engine's clock a print may be stamped. A symbol's clock never goes
 * backwards (engine/PROTOCOL.md, "Encoding"), so one print stamped an hour ahead would hold
 * every later command of that symbol, and its candles, at that hour for good. A minute covers
 * the clock skew between a feed and the engine.
 */
export const MAX_PRINT_CLOCK_SKEW_MS = 60_000;

/** An external print as the command slot takes it. */
export interface DecodedPrint {
  readonly price: number;
  readonly quantity: number;
  /** BUY, SELL, or 0 when the feed does not know it. */
  readonly aggressorSide: number;
  /** 0 = the engine's clock. */
  readonly timestampMs: number;
}

/** SIDE_UNSPECIFIED is a valid answer for a print ("unknown"); an unknown enum value is not. */
const AGGRESSOR_SIDES: Record<string, number> = { SIDE_UNSPECIFIED: 0, BUY: Side.BUY, SELL: Side.SELL };

/**
 * Decodes one IngestTrades message, or says what is wrong with it. Only what the core cannot
 * judge is checked here: the core counts an unknown aggressor side as 0 and has no notion of
 * "now"; malformed prices and quantities still go to the core, which rejects them with their
 * reason. `nowMs` is the engine's clock.
 */
export function decodePrint(trade: ExternalTrade__Output, nowMs: number): DecodedPrint | { readonly problem: string } {
  const side = trade.aggressorSide as string | number;
  const aggressorSide = typeof side === 'string' ? AGGRESSOR_SIDES[side] : undefined;
  if (aggressorSide === undefined) return { problem: `unknown aggressor side ${JSON.stringify(side)}` };
  const timestampMs = Number(trade.timestampMs);
  if (timestampMs > nowMs + MAX_PRINT_CLOCK_SKEW_MS)
    return {
      problem: `timestamp ${timestampMs} is ${timestampMs - nowMs} ms ahead of the engine clock (at most ${MAX_PRINT_CLOCK_SKEW_MS} ms)`,
    };
  return { price: decimalToUnits(trade.price), quantity: decimalToUnits(trade.quantity), aggressorSide, timestampMs };
}
