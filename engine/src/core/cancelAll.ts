import { CancelReason, EventType, Side } from './layout.js';
import { removeResting } from './matching.js';
import type { ShardState } from './shardState.js';

/**
 * CANCEL_ALL, the kill switch: every resting order of one account in one symbol leaves the book
 * within one command, so no order placed before it can be missed. Each gets the ORDER_CANCELLED
 * (USER_REQUESTED) a CANCEL would write and the same removal (`removeResting`). The order is
 * deterministic, as journal replay needs: bids then asks, best price first, oldest first.
 * The risk tables count the account's resting orders per symbol and side exactly (their summed
 * open quantities are not exact above 2^53, so they bound nothing): a side without any is not
 * read, and the walk of a side ends at the account's last order there, so one user cannot make
 * the shard's thread read whole books it has no orders in.
 */

/**
 * Cancels the resting orders of the account with risk index `account` (-1: the shard never saw
 * it, so nothing rests) in the symbol with index `symbol`. Writes nothing when none rests.
 */
export function cancelAccountOrders(state: ShardState, account: number, symbol: number): void {
  if (account === -1 || state.risk.openOrders[account] === 0) return;
  // No position: the account never had an order in this symbol.
  const position = state.risk.findPosition(account, symbol);
  if (position === -1) return;
  cancelOnSide(state, Side.BUY, account, symbol, position);
  cancelOnSide(state, Side.SELL, account, symbol, position);
}

function cancelOnSide(state: ShardState, side: Side, account: number, symbol: number, position: number): void {
  const orders = state.orders;
  const levels = state.levels;
  const book = state.books[symbol]!;
  const ladder = side === Side.BUY ? book.bids : book.asks;
  // `onLeave` counts these down as the orders leave; nothing in the walk reallocates them.
  const ownOrders = side === Side.BUY ? state.risk.openBuyOrders : state.risk.openSellOrders;
  const symbolId = state.symbolIds[symbol]!;
  // Ladder positions from the best (the end) down: removing an emptied level shifts only the
  // better levels, already visited, so no level still to visit is skipped or seen twice.
  for (let at = ladder.size - 1; at >= 0 && ownOrders[position]! > 0; at--) {
    let order = levels.head[ladder.levelIds[at]!]!;
    while (order !== -1) {
      // Read before the removal unlinks the order; the level is released only once its last order leaves.
      const next = orders.next(order);
      if (orders.accountIndex(order) === account) {
        state.events.orderEvent(EventType.ORDER_CANCELLED, symbolId, orders, order, CancelReason.USER_REQUESTED);
        removeResting(state, order, true);
        if (ownOrders[position] === 0) return;
      }
      order = next;
    }
  }
}
