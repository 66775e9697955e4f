import { CancelReason, EventType, Side, StpMode } from './layout.js';
import { TRADE_PRICE, TRADE_QUANTITY } from './marketData.js';
import { FILL_PRICE, FILL_QUANTITY } from './orderPool.js';
import type { OrderBook, ShardState } from './shardState.js';

/**
 * Price-time priority matching of one incoming order against the opposite side of its book,
 * and the book moves it needs (rest, remove). An order is "marketable" against a level when
 * the level's price is at or better than its limit: buy limit ≥ ask, sell limit ≤ bid. The
 * incoming order sits in an order slot (not yet on the book) with its limit set.
 */

/** Puts an order with open quantity at the back of its price level. */
export function restOrder(state: ShardState, order: number): void {
  const orders = state.orders;
  const book = state.books[orders.symbolIndex(order)]!;
  const ladder = orders.side(order) === Side.BUY ? book.bids : book.asks;
  const level = ladder.levelFor(orders, order, state.levels);
  state.levels.append(level, orders, order);
  state.risk.onRest(orders, order);
}

/**
 * Takes a resting order off the book (its level too when emptied) and out of the risk
 * tables. With `release` its slot is freed as well; without, the caller re-rests it.
 */
export function removeResting(state: ShardState, order: number, release: boolean): void {
  const orders = state.orders;
  const levels = state.levels;
  const level = orders.level(order);
  levels.unlink(level, orders, order);
  if (levels.orderCount[level] === 0) {
    const book = state.books[orders.symbolIndex(order)]!;
    (orders.side(order) === Side.BUY ? book.bids : book.asks).remove(level, levels);
    levels.release(level);
  }
  state.risk.onLeave(orders, order);
  if (release) orders.release(order);
}

/** True when the order would trade with the opposite best level at the incoming limit (`OrderPool.incoming`). */
export function wouldCross(state: ShardState, book: OrderBook, order: number): boolean {
  const orders = state.orders;
  const isBuy = orders.side(order) === Side.BUY;
  const best = isBuy ? book.asks.best() : book.bids.best();
  if (best === -1) return false;
  const price = state.levels.price[best]!;
  return isBuy ? price <= orders.incomingLimit() : price >= orders.incomingLimit();
}

/**
 * True when the order's open quantity can be filled at once within its limit (fill-or-kill
 * pre-check, at the incoming limit; reads the book, changes nothing). Own orders are skipped under CANCEL_RESTING
 * (they would be cancelled) and end the fill under CANCEL_INCOMING / CANCEL_BOTH.
 */
export function canFillCompletely(state: ShardState, book: OrderBook, order: number): boolean {
  const orders = state.orders;
  const levels = state.levels;
  const isBuy = orders.side(order) === Side.BUY;
  const ladder = isBuy ? book.asks : book.bids;
  const limit = orders.incomingLimit();
  const quantity = orders.leaves(order);
  const account = orders.accountIndex(order);
  const stpMode = orders.stpMode(order);
  let available = 0;
  for (let depth = 0; depth < ladder.size; depth++) {
    const level = ladder.levelAt(depth);
    const price = levels.price[level]!;
    if (isBuy ? price > limit : price < limit) return false;
    if (stpMode === StpMode.NONE) {
      available += levels.quantity[level]!;
      if (available >= quantity) return true;
      continue;
    }
    for (let resting = levels.head[level]!; resting !== -1; resting = orders.next(resting)) {
      if (orders.accountIndex(resting) === account) {
        if (stpMode === StpMode.CANCEL_RESTING) continue;
        return false;
      }
      available += orders.leaves(resting);
      if (available >= quantity) return true;
    }
  }
  return false;
}

/**
 * Matches `order` (not resting) against the opposite side while it has open quantity and the
 * best opposite price is within its limit, filling makers oldest first. Writes TRADE and fill
 * events and applies fills to positions and market data. Returns true when self-trade
 * prevention stopped the incoming order (its rest must then be cancelled, not rested).
 */
export function matchIncoming(state: ShardState, order: number): boolean {
  const orders = state.orders;
  const levels = state.levels;
  const risk = state.risk;
  const events = state.events;
  const marketData = state.marketData;
  const pendingTrade = marketData.pendingTrade;
  const incoming = orders.incoming;
  const symbol = orders.symbolIndex(order);
  const symbolId = state.symbolIds[symbol]!;
  const book = state.books[symbol]!;
  const isBuy = orders.side(order) === Side.BUY;
  const ladder = isBuy ? book.asks : book.bids;
  const limit = orders.incomingLimit();
  const account = orders.accountIndex(order);
  const stpMode = orders.stpMode(order);
  let leaves = orders.leaves(order);

  while (leaves > 0) {
    const level = ladder.best();
    if (level === -1) break;
    const price = levels.price[level]!;
    if (isBuy ? price > limit : price < limit) break;
    let maker = levels.head[level]!;
    while (maker !== -1 && leaves > 0) {
      const next = orders.next(maker);
      // This maker cannot fill the rest: start loading the order that fills next (it has waited
      // in the queue, so its record is likely a cache miss) while this fill is written.
      if (orders.leaves(maker) < leaves) {
        if (next !== -1) orders.touch(next);
        else {
          const after = ladder.levelAt(1);
          if (after !== -1 && (isBuy ? levels.price[after]! <= limit : levels.price[after]! >= limit)) orders.touch(levels.head[after]!);
        }
      }
      if (stpMode !== StpMode.NONE && orders.accountIndex(maker) === account) {
        if (stpMode !== StpMode.CANCEL_INCOMING) {
          events.orderEvent(EventType.ORDER_CANCELLED, symbolId, orders, maker, CancelReason.SELF_TRADE_PREVENTION);
          removeResting(state, maker, true);
        }
        if (stpMode !== StpMode.CANCEL_RESTING) return true;
        maker = next;
        continue;
      }
      const makerLeaves = orders.leaves(maker);
      const quantity = makerLeaves < leaves ? makerLeaves : leaves;
      leaves -= quantity;
      orders.setLeaves(order, leaves);
      orders.setFilled(order, orders.filled(order) + quantity);
      orders.setLeaves(maker, makerLeaves - quantity);
      orders.setFilled(maker, orders.filled(maker) + quantity);
      incoming[FILL_PRICE] = price;
      incoming[FILL_QUANTITY] = quantity;
      levels.quantity[level] = levels.quantity[level]! - quantity;
      risk.onFill(orders, maker, true);
      risk.onFill(orders, order, false);
      pendingTrade[TRADE_PRICE] = price;
      pendingTrade[TRADE_QUANTITY] = quantity;
      marketData.recordTrade(symbol);
      events.trade(symbolId, orders, order, maker, ++state.tradeId);
      events.orderEvent(makerLeaves === quantity ? EventType.ORDER_FILLED : EventType.ORDER_PARTIALLY_FILLED, symbolId, orders, maker, 0);
      events.orderEvent(leaves === 0 ? EventType.ORDER_FILLED : EventType.ORDER_PARTIALLY_FILLED, symbolId, orders, order, 0);
      if (makerLeaves === quantity) removeResting(state, maker, true);
      maker = next;
    }
  }
  return false;
}
