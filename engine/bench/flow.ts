/**
 * A deterministic crossing order flow over the engine's default instruments: order i is a
 * 1-lot limit at price 100 on instrument i mod 20, alternating BUY and SELL per round of 20, so
 * every second order trades against the one 20 before it and the books stay small. Used by the
 * end-to-end and gRPC benchmarks, which measure the shell, not the matching (see core.ts).
 */
import { CommandField as C, OrderType, PRICE_SCALE, Side } from '../src/core/index.js';
import { DEFAULT_INSTRUMENTS } from '../src/instruments.js';
import { parseUnits } from '../src/shard/decimal.js';

export const FLOW_PRICE = 100 * PRICE_SCALE;
export const FLOW_ACCOUNTS = 8;

export const flowInstruments = DEFAULT_INSTRUMENTS.map((spec) => ({ symbol: spec.symbol, lotUnits: parseUnits(spec.lotSize) ?? 0 }));

export function flowSide(i: number): number {
  return Math.floor(i / flowInstruments.length) % 2 === 0 ? Side.BUY : Side.SELL;
}

/** Writes order i's fields (symbol id = instrument index + 1, account = 1 + i mod 8) into a command slot. */
export function fillFlowOrder(i: number, slots: Float64Array, at: number, symbolIds: readonly number[], accountIds: readonly number[]): void {
  const instrument = i % flowInstruments.length;
  slots[at + C.SYMBOL_ID] = symbolIds[instrument] ?? 0;
  slots[at + C.ACCOUNT_ID] = accountIds[i % FLOW_ACCOUNTS] ?? 0;
  slots[at + C.SIDE] = flowSide(i);
  slots[at + C.ORDER_TYPE] = OrderType.LIMIT;
  slots[at + C.PRICE] = FLOW_PRICE;
  slots[at + C.QUANTITY] = flowInstruments[instrument]?.lotUnits ?? 0;
  slots[at + C.STP_MODE] = 0;
}
