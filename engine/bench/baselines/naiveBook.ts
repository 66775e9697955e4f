import { COMMAND_SLOT_SIZE, CommandField as C, CommandKind, OrderType, Side } from '../../src/core/layout.js';

/**
 * The straightforward order book the engine's typed-array book is measured against: per symbol
 * a Map from price to an array of plain order objects, price lists kept sorted, an id → order
 * Map, and events as objects. Same semantics as the core for LIMIT, MARKET, IOC and CANCEL
 * (price-time priority, trades at the resting price, unfilled MARKET/IOC rest cancelled);
 * no risk checks, no self-trade prevention, no market data.
 */
interface NaiveOrder {
  id: number;
  account: number;
  side: number;
  price: number;
  quantity: number;
  symbolId: number;
}

export type NaiveEvent =
  | { type: 'accepted' | 'rejected' | 'cancelled' | 'filled'; orderId: number }
  | { type: 'trade'; makerId: number; takerId: number; price: number; quantity: number };

class NaiveSymbolBook {
  readonly levels = new Map<number, NaiveOrder[]>();
  /** Bid prices sorted high → low, ask prices low → high: index 0 is the best. */
  readonly bidPrices: number[] = [];
  readonly askPrices: number[] = [];

  rest(order: NaiveOrder): void {
    let queue = this.levels.get(order.price * (order.side === Side.BUY ? 1 : -1));
    if (queue === undefined) {
      queue = [];
      this.levels.set(order.price * (order.side === Side.BUY ? 1 : -1), queue);
      const prices = order.side === Side.BUY ? this.bidPrices : this.askPrices;
      prices.push(order.price);
      prices.sort(order.side === Side.BUY ? (a, b) => b - a : (a, b) => a - b);
    }
    queue.push(order);
  }

  remove(order: NaiveOrder): void {
    const key = order.price * (order.side === Side.BUY ? 1 : -1);
    const queue = this.levels.get(key);
    if (queue === undefined) return;
    queue.splice(queue.indexOf(order), 1);
    if (queue.length === 0) {
      this.levels.delete(key);
      const prices = order.side === Side.BUY ? this.bidPrices : this.askPrices;
      prices.splice(prices.indexOf(order.price), 1);
    }
  }
}

export class NaiveBook {
  private readonly books = new Map<number, NaiveSymbolBook>();
  private readonly orders = new Map<number, NaiveOrder>();
  /** Events of the commands executed since the caller last cleared it. */
  events: NaiveEvent[] = [];

  addSymbol(symbolId: number): void {
    this.books.set(symbolId, new NaiveSymbolBook());
  }

  /** Executes the command in slot `slot` of `commands` (same slots as the core). */
  execute(commands: Float64Array, slot: number): void {
    const base = slot * COMMAND_SLOT_SIZE;
    const kind = commands[base + C.KIND];
    const book = this.books.get(commands[base + C.SYMBOL_ID]!);
    const orderId = commands[base + C.ORDER_ID]!;
    if (book === undefined) {
      this.events.push({ type: 'rejected', orderId });
      return;
    }
    if (kind === CommandKind.CANCEL) {
      const order = this.orders.get(orderId);
      if (order === undefined || order.account !== commands[base + C.ACCOUNT_ID]) {
        this.events.push({ type: 'rejected', orderId });
        return;
      }
      book.remove(order);
      this.orders.delete(orderId);
      this.events.push({ type: 'cancelled', orderId });
      return;
    }
    if (kind !== CommandKind.SUBMIT) return;
    const type = commands[base + C.ORDER_TYPE];
    const order: NaiveOrder = {
      id: orderId,
      account: commands[base + C.ACCOUNT_ID]!,
      side: commands[base + C.SIDE]!,
      price: type === OrderType.MARKET ? 0 : commands[base + C.PRICE]!,
      quantity: commands[base + C.QUANTITY]!,
      symbolId: commands[base + C.SYMBOL_ID]!,
    };
    this.events.push({ type: 'accepted', orderId });
    this.match(book, order, type === OrderType.MARKET);
    if (order.quantity > 0) {
      if (type === OrderType.LIMIT) {
        book.rest(order);
        this.orders.set(order.id, order);
      } else this.events.push({ type: 'cancelled', orderId });
    }
  }

  private match(book: NaiveSymbolBook, order: NaiveOrder, isMarket: boolean): void {
    const isBuy = order.side === Side.BUY;
    const prices = isBuy ? book.askPrices : book.bidPrices;
    while (order.quantity > 0 && prices.length > 0) {
      const price = prices[0]!;
      if (!isMarket && (isBuy ? price > order.price : price < order.price)) break;
      const queue = book.levels.get(isBuy ? -price : price)!;
      while (order.quantity > 0 && queue.length > 0) {
        const maker = queue[0]!;
        const quantity = Math.min(maker.quantity, order.quantity);
        maker.quantity -= quantity;
        order.quantity -= quantity;
        this.events.push({ type: 'trade', makerId: maker.id, takerId: order.id, price, quantity });
        if (maker.quantity === 0) {
          queue.shift();
          this.orders.delete(maker.id);
          this.events.push({ type: 'filled', orderId: maker.id });
        }
      }
      if (queue.length === 0) {
        book.levels.delete(isBuy ? -price : price);
        prices.shift();
      }
    }
    if (order.quantity === 0) this.events.push({ type: 'filled', orderId: order.id });
  }
}
