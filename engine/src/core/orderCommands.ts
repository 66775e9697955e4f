import { CancelReason, CommandField as C, EventType, OrderType, RejectReason, Side, StpMode } from './layout.js';
import { canFillCompletely, matchIncoming, removeResting, restOrder, wouldCross } from './matching.js';
import type { ShardState } from './shardState.js';

/**
 * SUBMIT, CANCEL and AMEND: validation (1xx), pre-trade risk (2xx) and matching pre-checks
 * (3xx) in that order, each failure one ORDER_REJECTED and no change; then the book moves.
 * `base` is the command slot's offset in `commands`; `symbol` its validated symbol index.
 */

/** A positive integer below 2^53 (ids, prices, quantities). */
function isPositiveInteger(value: number): boolean {
  return value > 0 && value <= Number.MAX_SAFE_INTEGER && Math.floor(value) === value;
}

/**
 * `value` is a whole multiple of `step` (both positive integers below 2^53). Division instead
 * of `%`, which V8 compiles to a call into C's fmod for doubles. Exact: if the rounded quotient
 * floors to k, `k * step` is an exactly representable integer and equals `value` only when
 * `value` really is k steps.
 */
function isMultiple(value: number, step: number): boolean {
  return Math.floor(value / step) * step === value;
}

/** 0 when `price` is a valid price for the symbol, else the reason. */
function priceProblem(state: ShardState, symbol: number, price: number): number {
  if (!isPositiveInteger(price)) return RejectReason.INVALID_PRICE;
  if (!isMultiple(price, state.tickSize[symbol]!)) return RejectReason.PRICE_OFF_TICK;
  return 0;
}

/** 0 when `quantity` is a valid quantity for the symbol, else the reason. */
function quantityProblem(state: ShardState, symbol: number, quantity: number): number {
  if (!isPositiveInteger(quantity)) return RejectReason.INVALID_QUANTITY;
  if (!isMultiple(quantity, state.lotSize[symbol]!)) return RejectReason.QUANTITY_OFF_LOT;
  return 0;
}

/** Validation of a SUBMIT; 0 or a 1xx reason. */
function submitProblem(state: ShardState, commands: Float64Array, base: number, symbol: number): number {
  const side = commands[base + C.SIDE]!;
  if (side !== Side.BUY && side !== Side.SELL) return RejectReason.INVALID_SIDE;
  const type = commands[base + C.ORDER_TYPE]!;
  if (!(type >= OrderType.LIMIT && type <= OrderType.POST_ONLY && (type | 0) === type)) return RejectReason.INVALID_ORDER_TYPE;
  if (!isPositiveInteger(commands[base + C.ACCOUNT_ID]!)) return RejectReason.INVALID_ACCOUNT;
  const orderId = commands[base + C.ORDER_ID]!;
  if (!isPositiveInteger(orderId) || state.orderIndex.get(orderId) !== -1) return RejectReason.DUPLICATE_ORDER_ID;
  if (type !== OrderType.MARKET) {
    const problem = priceProblem(state, symbol, commands[base + C.PRICE]!);
    if (problem !== 0) return problem;
  }
  const problem = quantityProblem(state, symbol, commands[base + C.QUANTITY]!);
  if (problem !== 0) return problem;
  const stp = commands[base + C.STP_MODE]!;
  if (!(stp >= StpMode.NONE && stp <= StpMode.CANCEL_BOTH && (stp | 0) === stp)) return RejectReason.INVALID_STP_MODE;
  return 0;
}

/** Handles SUBMIT. */
export function submitOrder(state: ShardState, commands: Float64Array, base: number, symbol: number, timestampMs: number): void {
  const events = state.events;
  const problem = submitProblem(state, commands, base, symbol);
  if (problem !== 0) return events.reject(commands, base, problem);

  const side = commands[base + C.SIDE]!;
  const type = commands[base + C.ORDER_TYPE]!;
  const quantity = commands[base + C.QUANTITY]!;
  const stpMode = commands[base + C.STP_MODE]!;
  const accountId = commands[base + C.ACCOUNT_ID]!;
  const book = state.books[symbol]!;
  const risk = state.risk;
  const account = risk.accountFor(accountId);
  const position = risk.positionFor(account, symbol);
  const isMarket = type === OrderType.MARKET;
  const lastPrice = state.marketData.lastPrice[symbol]!;

  let price = commands[base + C.PRICE]!;
  let limit = price;
  let referencePrice = price;
  const oppositeBest = side === Side.BUY ? book.asks.best() : book.bids.best();
  if (isMarket) {
    price = 0;
    // A market order may only trade inside the account's price band around the last trade,
    // and its notional is estimated at the last trade (before any trade: the best opposite price).
    const band = risk.priceBandBps(account);
    const reach = band > 0 && lastPrice > 0 ? (lastPrice * band) / 10_000 : Infinity;
    limit = side === Side.BUY ? lastPrice + reach : lastPrice > 0 && band > 0 ? lastPrice - reach : 0;
    referencePrice = lastPrice > 0 ? lastPrice : oppositeBest === -1 ? 0 : state.levels.price[oppositeBest]!;
  }
  const mayRest = type === OrderType.LIMIT || type === OrderType.POST_ONLY;
  const riskProblem = risk.check(account, position, side, referencePrice, quantity, lastPrice, isMarket, mayRest, 0);
  if (riskProblem !== 0) return events.reject(commands, base, riskProblem);

  if (isMarket && oppositeBest === -1) return events.reject(commands, base, RejectReason.NO_LIQUIDITY);
  if (type === OrderType.POST_ONLY && wouldCross(state, book, side, limit)) return events.reject(commands, base, RejectReason.POST_ONLY_WOULD_CROSS);
  if (type === OrderType.FOK && !canFillCompletely(state, book, side, limit, account, stpMode, quantity)) return events.reject(commands, base, RejectReason.FOK_NOT_FILLABLE);

  const orders = state.orders;
  const order = orders.allocate();
  orders.setOrderId(order, commands[base + C.ORDER_ID]!);
  orders.setAccountId(order, accountId);
  orders.setPrice(order, price);
  orders.setLeaves(order, quantity);
  orders.setFilled(order, 0);
  orders.setFlags(order, side, type, stpMode);
  orders.setSymbolIndex(order, symbol);
  orders.setAccountIndex(order, account);
  orders.setPositionIndex(order, position);
  orders.setLevel(order, -1);
  const symbolId = state.symbolIds[symbol]!;
  events.orderEvent(EventType.ORDER_ACCEPTED, symbolId, orders, order, 0, 0, 0);

  // Most limit orders do not cross: skip the matching loop's setup for them.
  const stopped = type !== OrderType.POST_ONLY && wouldCross(state, book, side, limit) && matchIncoming(state, order, limit, timestampMs);
  finishIncoming(state, order, mayRest && !stopped, stopped);
}

/** After matching: rests the open rest of an order, or cancels it, or just frees a filled order. */
function finishIncoming(state: ShardState, order: number, mayRest: boolean, stopped: boolean): void {
  const orders = state.orders;
  if (orders.leaves(order) > 0) {
    if (mayRest) return restOrder(state, order);
    state.events.orderEvent(EventType.ORDER_CANCELLED, state.symbolIds[orders.symbolIndex(order)]!, orders, order, stopped ? CancelReason.SELF_TRADE_PREVENTION : CancelReason.UNFILLED_REMAINDER, 0, 0);
  }
  // Not resting: its id is not in the index (an amended order's was removed by the caller).
  orders.release(order);
}

/** The live order a CANCEL/AMEND names, or -1 after writing the reject. */
function ownedOrder(state: ShardState, commands: Float64Array, base: number, symbol: number): number {
  const order = state.orderIndex.get(commands[base + C.ORDER_ID]!);
  if (order === -1 || state.orders.symbolIndex(order) !== symbol) {
    state.events.reject(commands, base, RejectReason.UNKNOWN_ORDER);
    return -1;
  }
  if (state.orders.accountId(order) !== commands[base + C.ACCOUNT_ID]) {
    state.events.reject(commands, base, RejectReason.NOT_ORDER_OWNER);
    return -1;
  }
  return order;
}

/** Handles CANCEL. */
export function cancelOrder(state: ShardState, commands: Float64Array, base: number, symbol: number): void {
  const order = ownedOrder(state, commands, base, symbol);
  if (order === -1) return;
  state.events.orderEvent(EventType.ORDER_CANCELLED, state.symbolIds[symbol]!, state.orders, order, CancelReason.USER_REQUESTED, 0, 0);
  removeResting(state, order, true);
}

/**
 * Handles AMEND. Reducing the open quantity at the same price keeps the order's place in the
 * queue; any other change takes it off and puts it back as a new arrival, which may trade.
 */
export function amendOrder(state: ShardState, commands: Float64Array, base: number, symbol: number, timestampMs: number): void {
  const order = ownedOrder(state, commands, base, symbol);
  if (order === -1) return;
  const events = state.events;
  const orders = state.orders;
  const oldPrice = orders.price(order);
  const oldLeaves = orders.leaves(order);
  const requestedPrice = commands[base + C.NEW_PRICE]!;
  const requestedQuantity = commands[base + C.NEW_QUANTITY]!;
  const price = requestedPrice === 0 ? oldPrice : requestedPrice;
  const leaves = requestedQuantity === 0 ? oldLeaves : requestedQuantity;
  const problem = priceProblem(state, symbol, price) || quantityProblem(state, symbol, leaves);
  if (problem !== 0) return events.reject(commands, base, problem);
  if (price === oldPrice && leaves === oldLeaves) return events.reject(commands, base, RejectReason.AMEND_NO_CHANGE);

  const side = orders.side(order);
  const account = orders.accountIndex(order);
  const lastPrice = state.marketData.lastPrice[symbol]!;
  const riskProblem = state.risk.check(account, orders.positionIndex(order), side, price, leaves, lastPrice, false, false, oldLeaves);
  if (riskProblem !== 0) return events.reject(commands, base, riskProblem);
  const book = state.books[symbol]!;
  const type = orders.orderType(order);
  if (type === OrderType.POST_ONLY && price !== oldPrice && wouldCross(state, book, side, price)) return events.reject(commands, base, RejectReason.POST_ONLY_WOULD_CROSS);

  const symbolId = state.symbolIds[symbol]!;
  if (price === oldPrice && leaves < oldLeaves) {
    const reduction = oldLeaves - leaves;
    const level = orders.level(order);
    state.levels.quantity[level] = state.levels.quantity[level]! - reduction;
    state.risk.reduceOpen(orders.positionIndex(order), side, reduction);
    orders.setLeaves(order, leaves);
    events.orderEvent(EventType.ORDER_AMENDED, symbolId, orders, order, 0, 0, 0);
    return;
  }
  removeResting(state, order, false);
  state.orderIndex.delete(orders.orderId(order));
  orders.setPrice(order, price);
  orders.setLeaves(order, leaves);
  events.orderEvent(EventType.ORDER_AMENDED, symbolId, orders, order, 0, 0, 0);
  const stopped = matchIncoming(state, order, price, timestampMs);
  finishIncoming(state, order, !stopped, stopped);
}
