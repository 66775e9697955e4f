import { CancelReason, EventType } from './layout.js';
import { removeResting } from './matching.js';
import type { PriceLadder } from './priceLadder.js';
import type { ShardState } from './shardState.js';

/**
 * CANCEL_ALL, the kill switch: every resting order of one account in one symbol leaves the book
 * within one command, so no order placed before it can be missed. Each gets the ORDER_CANCELLED
 * (USER_REQUESTED) a CANCEL would write and the same removal (`removeResting`). The order is
 * deterministic, as journal replay needs: bids then asks, best price first, oldest first.
 * The walk ends once the account has no open order left in the shard: the risk tables count
 * them exactly (their summed open quantities are not exact above 2^53, so they bound nothing).
 */

/**
 * Cancels the resting orders of the account with risk index `account` (-1: the shard never saw
 * it, so nothing rests) in the symbol with index `symbol`. Writes nothing when none rests.
 */
export function cancelAccountOrders(state: ShardState, account: number, symbol: number): void {
  if (account === -1 || state.risk.openOrders[account] === 0) return;
  // No position: the account never had an order in this symbol.
  if (state.risk.findPosition(account, symbol) === -1) return;
  const book = state.books[symbol]!;
  cancelOnSide(state, book.bids, account, symbol);
  cancelOnSide(state, book.asks, account, symbol);
}

function cancelOnSide(state: ShardState, ladder: PriceLadder, account: number, symbol: number): void {
  const orders = state.orders;
  const levels = state.levels;
  const risk = state.risk;
  const symbolId = state.symbolIds[symbol]!;
  // Ladder positions from the best (the end) down: removing an emptied level shifts only the
  // better levels, already visited, so no level still to visit is skipped or seen twice.
  for (let at = ladder.size - 1; at >= 0 && risk.openOrders[account]! > 0; at--) {
    const level = ladder.levelIds[at]!;
    let order = levels.head[level]!;
    while (order !== -1) {
      // Read before the removal unlinks the order; the level is released only once its last order leaves.
      const next = orders.next(order);
      if (orders.accountIndex(order) === account) {
        state.events.orderEvent(EventType.ORDER_CANCELLED, symbolId, orders, order, CancelReason.USER_REQUESTED);
        removeResting(state, order, true);
      }
      order = next;
    }
  }
}
