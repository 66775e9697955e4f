import { Side } from './layout.js';
import { restOrder } from './matching.js';
import { QUOTED_VALUES } from './marketData.js';
import type { ShardState } from './shardState.js';

/**
 * Shard state as one Float64Array, and back. Restoring gives a shard that answers every later
 * command with the same events, sequence numbers included. Layout (all float64):
 *
 *   header   version, sequence, tradeId, symbolCount, accountCount, positionCount, orderCount,
 *            default limits ×5
 *   symbols  per symbol: symbolId, tickSize, lotSize, clock, lastPrice, lastQuantity,
 *            sessionNotional, sessionVolume, nextCandleEnd, candles ×32, last QUOTE ×8
 *   accounts per account: accountId, hasOwnLimits, limits ×5
 *   positions per position: accountId, symbolId, net
 *   orders   resting orders, per symbol bids then asks, each in priority order: orderId,
 *            accountId, symbolId, side, orderType, stpMode, price, leaves, filled
 *
 * Open order counts (per account, and per position and side) and open quantities are not
 * stored: re-resting the orders rebuilds them.
 */
export const SNAPSHOT_VERSION = 1;
const HEADER = 12;
const CANDLE_VALUES = 32;
const SYMBOL_RECORD = 9 + CANDLE_VALUES + QUOTED_VALUES;
const ACCOUNT_RECORD = 7;
const POSITION_RECORD = 3;
const ORDER_RECORD = 9;

export function writeSnapshot(state: ShardState): Float64Array {
  const risk = state.risk;
  const md = state.marketData;
  const symbolCount = state.symbolCount;
  const orderCount = state.orders.used;
  const size = HEADER + symbolCount * SYMBOL_RECORD + risk.accountCount * ACCOUNT_RECORD + risk.positionCount * POSITION_RECORD + orderCount * ORDER_RECORD;
  const data = new Float64Array(size);
  const defaults = risk.limits.subarray(0, 5);
  data.set([SNAPSHOT_VERSION, state.events.sequence, state.tradeId, symbolCount, risk.accountCount, risk.positionCount, orderCount], 0);
  data.set(defaults, 7);
  let at = HEADER;
  for (let s = 0; s < symbolCount; s++) {
    data.set([state.symbolIds[s]!, state.tickSize[s]!, state.lotSize[s]!, state.clock[s]!, md.lastPrice[s]!, md.lastQuantity[s]!, md.sessionNotional[s]!, md.sessionVolume[s]!, md.nextCandleEnd[s]!], at);
    data.set(md.candleState(s), at + 9);
    data.set(md.quoted.subarray(s * QUOTED_VALUES, (s + 1) * QUOTED_VALUES), at + 9 + CANDLE_VALUES);
    at += SYMBOL_RECORD;
  }
  for (let a = 0; a < risk.accountCount; a++) {
    const limits = risk.limitsOf(a);
    data.set([risk.accountIds[a]!, risk.hasOwnLimits(a) ? 1 : 0, limits.maxOrderQuantity, limits.maxOrderNotional, limits.priceBandBps, limits.maxOpenOrders, limits.maxPosition], at);
    at += ACCOUNT_RECORD;
  }
  for (let p = 0; p < risk.positionCount; p++) {
    data.set([risk.accountIds[risk.positionAccount[p]!]!, state.symbolIds[risk.positionSymbol[p]!]!, risk.net[p]!], at);
    at += POSITION_RECORD;
  }
  const orders = state.orders;
  for (let s = 0; s < symbolCount; s++) {
    const book = state.books[s]!;
    for (const ladder of [book.bids, book.asks]) {
      for (let depth = 0; depth < ladder.size; depth++) {
        for (let o = state.levels.head[ladder.levelAt(depth)]!; o !== -1; o = orders.next(o)) {
          data.set([orders.orderId(o), orders.accountId(o), state.symbolIds[s]!, orders.side(o), orders.orderType(o), orders.stpMode(o), orders.price(o), orders.leaves(o), orders.filled(o)], at);
          at += ORDER_RECORD;
        }
      }
    }
  }
  return data;
}

/** Sequence of the last event the snapshotted shard wrote (its next event is this + 1). */
export function snapshotSequence(data: Float64Array): number {
  return data[1] ?? 0;
}

/** Loads a snapshot into a freshly constructed, empty state. Throws RangeError on a bad snapshot. */
export function readSnapshot(state: ShardState, data: Float64Array): void {
  if (data[0] !== SNAPSHOT_VERSION) throw new RangeError(`unsupported snapshot version ${data[0]}`);
  if (state.symbolCount !== 0) throw new RangeError('snapshots restore into an empty shard');
  const value = (i: number): number => data[i]!;
  const [symbolCount, accountCount, positionCount, orderCount] = [value(3), value(4), value(5), value(6)];
  const risk = state.risk;
  const md = state.marketData;
  risk.setLimits(0, value(7), value(8), value(9), value(10), value(11));
  let at = HEADER;
  for (let i = 0; i < symbolCount; i++) {
    const s = state.addSymbol(value(at), value(at + 1), value(at + 2));
    state.clock[s] = value(at + 3);
    md.lastPrice[s] = value(at + 4);
    md.lastQuantity[s] = value(at + 5);
    md.sessionNotional[s] = value(at + 6);
    md.sessionVolume[s] = value(at + 7);
    md.nextCandleEnd[s] = value(at + 8);
    md.candleState(s).set(data.subarray(at + 9, at + 9 + CANDLE_VALUES));
    md.quoted.set(data.subarray(at + 9 + CANDLE_VALUES, at + SYMBOL_RECORD), s * QUOTED_VALUES);
    at += SYMBOL_RECORD;
  }
  for (let i = 0; i < accountCount; i++) {
    const account = risk.accountFor(value(at));
    if (value(at + 1) === 1) risk.setLimits(value(at), value(at + 2), value(at + 3), value(at + 4), value(at + 5), value(at + 6));
    if (account !== i) throw new RangeError('duplicate account in snapshot');
    at += ACCOUNT_RECORD;
  }
  for (let i = 0; i < positionCount; i++) {
    const position = risk.positionFor(risk.accountFor(value(at)), state.symbolIndexOf(value(at + 1)));
    risk.net[position] = value(at + 2);
    at += POSITION_RECORD;
  }
  const orders = state.orders;
  for (let i = 0; i < orderCount; i++) {
    const symbol = state.symbolIndexOf(value(at + 2));
    const account = risk.accountFor(value(at + 1));
    const side = value(at + 3);
    if (symbol === -1 || (side !== Side.BUY && side !== Side.SELL)) throw new RangeError('corrupt order in snapshot');
    const order = orders.allocate(data, at);
    orders.setAccountId(order, value(at + 1));
    orders.setFlags(order, side | 0, value(at + 4) | 0, value(at + 5) | 0, symbol);
    orders.setPrice(order, value(at + 6));
    orders.setLeaves(order, value(at + 7));
    orders.setFilled(order, value(at + 8));
    orders.setAccountIndex(order, account);
    orders.setPositionIndex(order, risk.positionFor(account, symbol));
    restOrder(state, order);
    at += ORDER_RECORD;
  }
  state.events.sequence = value(1);
  state.tradeId = value(2);
}
