import { CancelReason, CommandField as C, EventType, OrderType, RejectReason, Side, StpMode } from './layout.js';
import { CANDIDATE_LAST_PRICE, CANDIDATE_OWN_OPEN, CANDIDATE_PRICE, CANDIDATE_QUANTITY } from './risk.js';
import { INCOMING_LIMIT } from './orderPool.js';
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

/** 0 when `commands[at]` is a valid price for the symbol, else the reason. */
function priceProblem(state: ShardState, symbol: number, commands: Float64Array, at: number): number {
  const price = commands[at]!;
  if (!isPositiveInteger(price)) return RejectReason.INVALID_PRICE;
  if (!isMultiple(price, state.tickSize[symbol]!)) return RejectReason.PRICE_OFF_TICK;
  return 0;
}

/** 0 when `commands[at]` is a valid quantity for the symbol, else the reason. */
function quantityProblem(state: ShardState, symbol: number, commands: Float64Array, at: number): number {
  const quantity = commands[at]!;
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
  if (!isPositiveInteger(orderId) || state.orders.find(commands, base + C.ORDER_ID) !== -1) return RejectReason.DUPLICATE_ORDER_ID;
  if (type !== OrderType.MARKET) {
    const problem = priceProblem(state, symbol, commands, base + C.PRICE);
    if (problem !== 0) return problem;
  }
  const problem = quantityProblem(state, symbol, commands, base + C.QUANTITY);
  if (problem !== 0) return problem;
  const stp = commands[base + C.STP_MODE]!;
  if (!(stp >= StpMode.NONE && stp <= StpMode.CANCEL_BOTH && (stp | 0) === stp)) return RejectReason.INVALID_STP_MODE;
  return 0;
}

/** Handles SUBMIT. */
export function submitOrder(state: ShardState, commands: Float64Array, base: number, symbol: number): void {
  const events = state.events;
  const problem = submitProblem(state, commands, base, symbol);
  if (problem !== 0) return events.reject(commands, base, problem);

  const side = commands[base + C.SIDE]!;
  const type = commands[base + C.ORDER_TYPE]!;
  const book = state.books[symbol]!;
  const risk = state.risk;
  const account = risk.accountFor(commands[base + C.ACCOUNT_ID]!);
  const position = risk.positionFor(account, symbol);
  const isMarket = type === OrderType.MARKET;
  const lastPrice = state.marketData.lastPrice[symbol]!;
  const oppositeBest = side === Side.BUY ? book.asks.best() : book.bids.best();
  const price = isMarket ? 0 : commands[base + C.PRICE]!;
  let limit = price;
  const candidate = risk.candidate;
  candidate[CANDIDATE_PRICE] = price;
  if (isMarket) {
    // A market order may only trade inside the account's price band around the last trade,
    // and its notional is estimated at the last trade (before any trade: the best opposite price).
    const band = risk.priceBandBps(account);
    const reach = band > 0 && lastPrice > 0 ? (lastPrice * band) / 10_000 : Infinity;
    limit = side === Side.BUY ? lastPrice + reach : lastPrice > 0 && band > 0 ? lastPrice - reach : 0;
    candidate[CANDIDATE_PRICE] = lastPrice > 0 ? lastPrice : oppositeBest === -1 ? 0 : state.levels.price[oppositeBest]!;
  }
  candidate[CANDIDATE_QUANTITY] = commands[base + C.QUANTITY]!;
  candidate[CANDIDATE_LAST_PRICE] = lastPrice;
  candidate[CANDIDATE_OWN_OPEN] = 0;
  const mayRest = type === OrderType.LIMIT || type === OrderType.POST_ONLY;
  const riskProblem = risk.check(account, position, side, isMarket, mayRest);
  if (riskProblem !== 0) return events.reject(commands, base, riskProblem);
  if (isMarket && oppositeBest === -1) return events.reject(commands, base, RejectReason.NO_LIQUIDITY);

  const orders = state.orders;
  const order = orders.allocate(commands, base + C.ORDER_ID);
  orders.setAccountId(order, commands[base + C.ACCOUNT_ID]!);
  orders.setPrice(order, price);
  orders.incoming[INCOMING_LIMIT] = limit;
  orders.setLeaves(order, commands[base + C.QUANTITY]!);
  orders.setFilled(order, 0);
  orders.setFlags(order, side | 0, type | 0, commands[base + C.STP_MODE]! | 0, symbol);
  orders.setAccountIndex(order, account);
  orders.setPositionIndex(order, position);
  orders.setLevel(order, -1);
  const crosses = wouldCross(state, book, order);
  const matchingProblem = type === OrderType.POST_ONLY && crosses
    ? RejectReason.POST_ONLY_WOULD_CROSS
    : type === OrderType.FOK && !canFillCompletely(state, book, order) ? RejectReason.FOK_NOT_FILLABLE : 0;
  if (matchingProblem !== 0) {
    orders.release(order);
    return events.reject(commands, base, matchingProblem);
  }

  const symbolId = state.symbolIds[symbol]!;
  events.orderEvent(EventType.ORDER_ACCEPTED, symbolId, orders, order, 0);
  // Most limit orders do not cross: they skip the matching loop.
  const stopped = crosses && matchIncoming(state, order);
  finishIncoming(state, order, mayRest && !stopped, stopped);
}

/** After matching: rests the open rest of an order, or cancels it, or just frees a filled order. */
function finishIncoming(state: ShardState, order: number, mayRest: boolean, stopped: boolean): void {
  const orders = state.orders;
  if (orders.leaves(order) > 0) {
    if (mayRest) return restOrder(state, order);
    state.events.orderEvent(EventType.ORDER_CANCELLED, state.symbolIds[orders.symbolIndex(order)]!, orders, order, stopped ? CancelReason.SELF_TRADE_PREVENTION : CancelReason.UNFILLED_REMAINDER);
  }
  orders.release(order);
}

/** The live order a CANCEL/AMEND names, or -1 after writing the reject. */
function ownedOrder(state: ShardState, commands: Float64Array, base: number, symbol: number): number {
  const order = state.orders.find(commands, base + C.ORDER_ID);
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
  state.events.orderEvent(EventType.ORDER_CANCELLED, state.symbolIds[symbol]!, state.orders, order, CancelReason.USER_REQUESTED);
  removeResting(state, order, true);
}

/**
 * Handles AMEND. Reducing the open quantity at the same price keeps the order's place in the
 * queue; any other change takes it off and puts it back as a new arrival, which may trade.
 */
export function amendOrder(state: ShardState, commands: Float64Array, base: number, symbol: number): void {
  const order = ownedOrder(state, commands, base, symbol);
  if (order === -1) return;
  const events = state.events;
  const orders = state.orders;
  const oldPrice = orders.price(order);
  const oldLeaves = orders.leaves(order);
  const requestedPrice = commands[base + C.NEW_PRICE]!;
  const requestedQuantity = commands[base + C.NEW_QUANTITY]!;
  const problem = (requestedPrice === 0 ? 0 : priceProblem(state, symbol, commands, base + C.NEW_PRICE))
    || (requestedQuantity === 0 ? 0 : quantityProblem(state, symbol, commands, base + C.NEW_QUANTITY));
  if (problem !== 0) return events.reject(commands, base, problem);
  const price = requestedPrice === 0 ? oldPrice : requestedPrice;
  const leaves = requestedQuantity === 0 ? oldLeaves : requestedQuantity;
  if (price === oldPrice && leaves === oldLeaves) return events.reject(commands, base, RejectReason.AMEND_NO_CHANGE);

  const risk = state.risk;
  const candidate = risk.candidate;
  candidate[CANDIDATE_PRICE] = price;
  candidate[CANDIDATE_QUANTITY] = leaves;
  candidate[CANDIDATE_LAST_PRICE] = state.marketData.lastPrice[symbol]!;
  candidate[CANDIDATE_OWN_OPEN] = oldLeaves;
  const riskProblem = risk.check(orders.accountIndex(order), orders.positionIndex(order), orders.side(order), false, false);
  if (riskProblem !== 0) return events.reject(commands, base, riskProblem);
  const book = state.books[symbol]!;
  const symbolId = state.symbolIds[symbol]!;

  if (price === oldPrice && leaves < oldLeaves) {
    const level = orders.level(order);
    state.levels.quantity[level] = state.levels.quantity[level]! - (oldLeaves - leaves);
    risk.onLeave(orders, order);
    orders.setLeaves(order, leaves);
    risk.onRest(orders, order);
    events.orderEvent(EventType.ORDER_AMENDED, symbolId, orders, order, 0);
    return;
  }
  if (orders.orderType(order) === OrderType.POST_ONLY && price !== oldPrice) {
    orders.incoming[INCOMING_LIMIT] = price;
    const crosses = wouldCross(state, book, order);
    if (crosses) return events.reject(commands, base, RejectReason.POST_ONLY_WOULD_CROSS);
  }
  removeResting(state, order, false);
  orders.setPrice(order, price);
  orders.incoming[INCOMING_LIMIT] = price;
  orders.setLeaves(order, leaves);
  events.orderEvent(EventType.ORDER_AMENDED, symbolId, orders, order, 0);
  const stopped = wouldCross(state, book, order) && matchIncoming(state, order);
  finishIncoming(state, order, !stopped, stopped);
}
