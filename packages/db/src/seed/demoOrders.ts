import { Prisma } from '../generated/prisma/client.js';
import type { OrderSide, OrderStatus, OrderType } from '../generated/prisma/enums.js';
import { DEMO_AS_OF, demoId } from './demoIds.js';

type Decimal = Prisma.Decimal;
const { Decimal } = Prisma;

/** One of the demo trader's orders, with the fills it got (each fill is one trade). */
export interface DemoOrder {
  readonly key: string;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly status: OrderStatus;
  /** Null for market orders. */
  readonly price: string | null;
  readonly quantity: string;
  readonly fills: readonly { readonly price: string; readonly quantity: string }[];
  /** How long before `DEMO_AS_OF` it was placed. */
  readonly hoursAgo: number;
}

/**
 * The demo trader's order history: filled buys and a filled FX sell (a short), an order cancelled
 * after a partial fill, and cancellations. None is still working: a seeded order is only a row,
 * on no book of the engine's, so the trader could neither cancel nor amend it; working orders are
 * the ones the trader places. Every fill is in a USD-quoted instrument, so the USD portfolio's
 * cash follows from the fills without FX conversion.
 */
export const DEMO_ORDERS: readonly DemoOrder[] = [
  {
    key: 'aapl-buy',
    symbol: 'AAPL',
    side: 'BUY',
    type: 'LIMIT',
    status: 'FILLED',
    price: '225.00',
    quantity: '50',
    fills: [
      { price: '225.00', quantity: '30' },
      { price: '224.95', quantity: '20' },
    ],
    hoursAgo: 72,
  },
  {
    key: 'msft-buy',
    symbol: 'MSFT',
    side: 'BUY',
    type: 'LIMIT',
    status: 'FILLED',
    price: '410.00',
    quantity: '20',
    fills: [{ price: '410.00', quantity: '20' }],
    hoursAgo: 60,
  },
  {
    key: 'btc-buy',
    symbol: 'BTC-USD',
    side: 'BUY',
    type: 'MARKET',
    status: 'FILLED',
    price: null,
    quantity: '0.5',
    fills: [{ price: '62000.00', quantity: '0.5' }],
    hoursAgo: 48,
  },
  {
    key: 'eurusd-sell',
    symbol: 'EURUSD',
    side: 'SELL',
    type: 'LIMIT',
    status: 'FILLED',
    price: '1.08900',
    quantity: '10000',
    fills: [{ price: '1.08900', quantity: '10000' }],
    hoursAgo: 30,
  },
  {
    key: 'nvda-buy',
    symbol: 'NVDA',
    side: 'BUY',
    type: 'LIMIT',
    status: 'CANCELLED',
    price: '128.00',
    quantity: '10',
    fills: [{ price: '128.00', quantity: '4' }],
    hoursAgo: 6,
  },
  {
    key: 'eth-buy',
    symbol: 'ETH-USD',
    side: 'BUY',
    type: 'LIMIT',
    status: 'CANCELLED',
    price: '3100.00',
    quantity: '2.5',
    fills: [],
    hoursAgo: 3,
  },
  {
    key: 'aapl-sell',
    symbol: 'AAPL',
    side: 'SELL',
    type: 'LIMIT',
    status: 'CANCELLED',
    price: '240.00',
    quantity: '20',
    fills: [],
    hoursAgo: 2,
  },
  {
    key: 'tsla-buy',
    symbol: 'TSLA',
    side: 'BUY',
    type: 'LIMIT',
    status: 'CANCELLED',
    price: '200.00',
    quantity: '100',
    fills: [],
    hoursAgo: 24,
  },
];

/** The trader's USD cash before any demo fill. */
export const DEMO_STARTING_CASH = new Decimal('250000');

export const demoOrderId = (key: string): string => demoId(`order:${key}`);
/** The market maker's order on the other side of fill `index` of order `key`. */
export const demoCounterpartyOrderId = (key: string, index: number): string =>
  demoId(`order:${key}:counterparty:${index}`);
export const demoTradeId = (key: string, index: number): string => demoId(`trade:${key}:${index}`);

/** When order `key` was placed; its fills follow a minute apart. */
export const demoOrderTime = (order: DemoOrder, fillIndex = -1): Date =>
  new Date(DEMO_AS_OF.getTime() - order.hoursAgo * 3_600_000 + (fillIndex + 1) * 60_000);

export interface DemoPosition {
  readonly symbol: string;
  /** Signed: negative for a short. */
  readonly quantity: Decimal;
  readonly averageCost: Decimal;
  /** The price of the symbol's latest fill. */
  readonly lastPrice: Decimal;
}

/** Positions and cash as the fills of `orders` leave them (one direction per symbol here). */
export function positionsAfterFills(orders: readonly DemoOrder[]): {
  positions: DemoPosition[];
  cash: Decimal;
} {
  const bySymbol = new Map<
    string,
    { quantity: Decimal; notional: Decimal; lastPrice: Decimal; lastFillAt: number }
  >();
  let cash = DEMO_STARTING_CASH;
  for (const order of orders) {
    const direction = order.side === 'BUY' ? 1 : -1;
    order.fills.forEach((fill, index) => {
      const notional = new Decimal(fill.price).mul(fill.quantity);
      const filledAt = demoOrderTime(order, index).getTime();
      const held = bySymbol.get(order.symbol) ?? {
        quantity: new Decimal(0),
        notional: new Decimal(0),
        lastPrice: new Decimal(fill.price),
        lastFillAt: filledAt,
      };
      const latest = filledAt >= held.lastFillAt;
      bySymbol.set(order.symbol, {
        quantity: held.quantity.add(new Decimal(fill.quantity).mul(direction)),
        notional: held.notional.add(notional),
        lastPrice: latest ? new Decimal(fill.price) : held.lastPrice,
        lastFillAt: latest ? filledAt : held.lastFillAt,
      });
      cash = cash.sub(notional.mul(direction));
    });
  }
  const positions = [...bySymbol].map(([symbol, held]) => ({
    symbol,
    quantity: held.quantity,
    averageCost: held.notional.div(held.quantity.abs()).toDecimalPlaces(8),
    lastPrice: held.lastPrice,
  }));
  return { positions, cash };
}

/** Filled quantity and volume-weighted average price of an order's fills. */
export function fillSummary(order: DemoOrder): {
  filledQuantity: Decimal;
  averagePrice: Decimal | null;
  /** How much of the filled quantity the average covers: all of it (null before any fill). */
  pricedQuantity: Decimal | null;
} {
  const filledQuantity = order.fills.reduce((sum, fill) => sum.add(fill.quantity), new Decimal(0));
  if (filledQuantity.isZero()) return { filledQuantity, averagePrice: null, pricedQuantity: null };
  const notional = order.fills.reduce(
    (sum, fill) => sum.add(new Decimal(fill.price).mul(fill.quantity)),
    new Decimal(0),
  );
  return {
    filledQuantity,
    averagePrice: notional.div(filledQuantity).toDecimalPlaces(8),
    pricedQuantity: filledQuantity,
  };
}
