import { OrderType, RejectReason, Side, StpMode } from '../../src/core/index.js';

/**
 * An obviously-correct order book to compare the engine with: orders in one plain array,
 * each side sorted (price, then arrival) every time it is read. No risk limits, one symbol.
 * Prices in ticks, quantities in lots.
 */
export interface ReferenceOrder {
  id: number;
  account: number;
  side: Side;
  type: OrderType;
  stp: StpMode;
  price: number;
  leaves: number;
  /** Arrival number; lower fills first at the same price. */
  arrival: number;
}

export interface ReferenceTrade {
  makerId: number;
  takerId: number;
  price: number;
  quantity: number;
}

export interface ReferenceResult {
  /** Reject reason, or undefined when accepted. */
  rejected?: number;
  trades: ReferenceTrade[];
  /** Ids cancelled by this command, in event order (STP, IOC remainder, user). */
  cancelled: number[];
}

export class ReferenceBook {
  orders: ReferenceOrder[] = [];
  private arrivals = 0;

  /** Resting orders of a side in priority order. */
  side(side: Side): ReferenceOrder[] {
    return this.orders
      .filter((o) => o.side === side)
      .sort((a, b) => (a.price === b.price ? a.arrival - b.arrival : side === Side.BUY ? b.price - a.price : a.price - b.price));
  }

  private marketable(side: Side, limit: number, price: number): boolean {
    return side === Side.BUY ? price <= limit : price >= limit;
  }

  private remove(id: number): void {
    this.orders = this.orders.filter((o) => o.id !== id);
  }

  submit(id: number, account: number, side: Side, type: OrderType, price: number, quantity: number, stp: StpMode): ReferenceResult {
    const result: ReferenceResult = { trades: [], cancelled: [] };
    const opposite = this.side(side === Side.BUY ? Side.SELL : Side.BUY);
    const isMarket = type === OrderType.MARKET;
    const limit = isMarket ? (side === Side.BUY ? Infinity : 0) : price;
    if (isMarket && opposite.length === 0) return { ...result, rejected: RejectReason.NO_LIQUIDITY };
    if (type === OrderType.POST_ONLY && opposite.length > 0 && this.marketable(side, limit, opposite[0]!.price)) {
      return { ...result, rejected: RejectReason.POST_ONLY_WOULD_CROSS };
    }
    if (type === OrderType.FOK) {
      let available = 0;
      for (const o of opposite) {
        if (!this.marketable(side, limit, o.price)) break;
        if (stp !== StpMode.NONE && o.account === account) {
          if (stp === StpMode.CANCEL_RESTING) continue;
          break;
        }
        available += o.leaves;
      }
      if (available < quantity) return { ...result, rejected: RejectReason.FOK_NOT_FILLABLE };
    }
    const incoming: ReferenceOrder = { id, account, side, type, stp, price: isMarket ? 0 : price, leaves: quantity, arrival: 0 };
    const stopped = type === OrderType.POST_ONLY ? false : this.match(incoming, limit, result);
    this.finish(incoming, type === OrderType.LIMIT || type === OrderType.POST_ONLY, stopped, result);
    return result;
  }

  private match(incoming: ReferenceOrder, limit: number, result: ReferenceResult): boolean {
    for (;;) {
      if (incoming.leaves === 0) return false;
      const opposite = this.side(incoming.side === Side.BUY ? Side.SELL : Side.BUY);
      const maker = opposite[0];
      if (maker === undefined || !this.marketable(incoming.side, limit, maker.price)) return false;
      if (incoming.stp !== StpMode.NONE && maker.account === incoming.account) {
        if (incoming.stp !== StpMode.CANCEL_INCOMING) {
          this.remove(maker.id);
          result.cancelled.push(maker.id);
        }
        if (incoming.stp !== StpMode.CANCEL_RESTING) return true;
        continue;
      }
      const quantity = Math.min(maker.leaves, incoming.leaves);
      maker.leaves -= quantity;
      incoming.leaves -= quantity;
      result.trades.push({ makerId: maker.id, takerId: incoming.id, price: maker.price, quantity });
      if (maker.leaves === 0) this.remove(maker.id);
    }
  }

  private finish(order: ReferenceOrder, mayRest: boolean, stopped: boolean, result: ReferenceResult): void {
    if (order.leaves === 0) return;
    if (mayRest && !stopped) {
      order.arrival = ++this.arrivals;
      this.orders.push(order);
    } else result.cancelled.push(order.id);
  }

  cancel(id: number, account: number): ReferenceResult {
    const order = this.orders.find((o) => o.id === id);
    if (order === undefined) return { rejected: RejectReason.UNKNOWN_ORDER, trades: [], cancelled: [] };
    if (order.account !== account) return { rejected: RejectReason.NOT_ORDER_OWNER, trades: [], cancelled: [] };
    this.remove(id);
    return { trades: [], cancelled: [id] };
  }

  /** CANCEL_ALL: every order of the account, bids then asks, each side in priority order. */
  cancelAll(account: number): ReferenceResult {
    if (!(Number.isSafeInteger(account) && account > 0)) return { rejected: RejectReason.INVALID_ACCOUNT, trades: [], cancelled: [] };
    const cancelled = [...this.side(Side.BUY), ...this.side(Side.SELL)].filter((o) => o.account === account).map((o) => o.id);
    this.orders = this.orders.filter((o) => o.account !== account);
    return { trades: [], cancelled };
  }

  /** 0 = unchanged. */
  amend(id: number, account: number, newPrice: number, newQuantity: number): ReferenceResult {
    const result: ReferenceResult = { trades: [], cancelled: [] };
    const order = this.orders.find((o) => o.id === id);
    if (order === undefined) return { ...result, rejected: RejectReason.UNKNOWN_ORDER };
    if (order.account !== account) return { ...result, rejected: RejectReason.NOT_ORDER_OWNER };
    const price = newPrice === 0 ? order.price : newPrice;
    const leaves = newQuantity === 0 ? order.leaves : newQuantity;
    if (price === order.price && leaves === order.leaves) return { ...result, rejected: RejectReason.AMEND_NO_CHANGE };
    const opposite = this.side(order.side === Side.BUY ? Side.SELL : Side.BUY);
    if (order.type === OrderType.POST_ONLY && price !== order.price && opposite.length > 0 && this.marketable(order.side, price, opposite[0]!.price)) {
      return { ...result, rejected: RejectReason.POST_ONLY_WOULD_CROSS };
    }
    if (price === order.price && leaves < order.leaves) {
      order.leaves = leaves;
      return result;
    }
    this.remove(id);
    const moved = { ...order, price, leaves };
    const stopped = this.match(moved, price, result);
    this.finish(moved, true, stopped, result);
    return result;
  }
}
