import { randomUUID } from 'node:crypto';
import type { Order, OrderStatus, PrismaClient, Trade } from '@mib/db';

/** What `seedOrders` wrote, for assertions. */
export interface SeededOrders {
  readonly aliceId: string;
  readonly bobId: string;
  readonly instrumentId: string;
  /** Alice's buy orders, newest first (the order `User.orders` returns them in). */
  readonly aliceOrders: readonly Order[];
  /** Bob's one large sell order, the counterparty of every trade. */
  readonly bobSell: Order;
  readonly trades: readonly Trade[];
}

const statuses: readonly OrderStatus[] = ['OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED'];
const minute = 60_000;
const start = Date.UTC(2026, 0, 5, 9, 0);

/**
 * Alice places 25 buy orders, one a minute, except that orders 10 and 11 share a timestamp so
 * pagination has to break the tie by id. Each of her first 20 orders is filled by one trade
 * against Bob's sell order, and order 0 by a second one. Users and instruments live in other
 * subgraphs, so their ids are just fresh UUIDs here.
 */
export async function seedOrders(prisma: PrismaClient): Promise<SeededOrders> {
  const aliceId = randomUUID();
  const bobId = randomUUID();
  const instrumentId = randomUUID();
  const bobSell = await prisma.order.create({
    data: {
      userId: bobId,
      instrumentId,
      side: 'SELL',
      type: 'LIMIT',
      status: 'PARTIALLY_FILLED',
      price: '100',
      quantity: '1000',
      filledQuantity: '21',
      createdAt: new Date(start - minute),
    },
  });
  const created: Order[] = [];
  for (let i = 0; i < 25; i++) {
    const placedAt = new Date(start + (i === 11 ? 10 : i) * minute);
    created.push(
      await prisma.order.create({
        data: {
          userId: aliceId,
          instrumentId,
          side: 'BUY',
          type: 'LIMIT',
          status: statuses[i % statuses.length] ?? 'OPEN',
          price: '100.5',
          quantity: '0.3',
          filledQuantity: '0.1',
          createdAt: placedAt,
        },
      }),
    );
  }
  const trades: Trade[] = [];
  for (const [i, order] of created.slice(0, 20).entries()) {
    trades.push(
      await prisma.trade.create({
        data: {
          instrumentId,
          buyOrderId: order.id,
          sellOrderId: bobSell.id,
          buyerUserId: aliceId,
          sellerUserId: bobSell.userId,
          price: '100',
          quantity: '0.05',
          executedAt: new Date(start + i * minute + 1000),
        },
      }),
    );
  }
  const first = created[0];
  if (first) {
    trades.push(
      await prisma.trade.create({
        data: {
          instrumentId,
          buyOrderId: first.id,
          sellOrderId: bobSell.id,
          buyerUserId: aliceId,
          sellerUserId: bobSell.userId,
          price: '100.25',
          quantity: '0.05',
          executedAt: new Date(start + 30 * minute),
        },
      }),
    );
  }
  const aliceOrders = [...created].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
  );
  return { aliceId, bobId, instrumentId, aliceOrders, bobSell, trades };
}

/** What `seedBlotter` wrote: two traders' orders across two instruments the catalogue knows. */
export interface SeededBlotter {
  readonly carolId: string;
  readonly daveId: string;
  readonly instrumentIds: readonly [string, string];
  /** Carol's orders, newest first. */
  readonly carolOrders: readonly Order[];
  /** Dave's orders, newest first. */
  readonly daveOrders: readonly Order[];
}

/**
 * Two instruments in the catalogue, and orders on both: Carol places 14, one a minute, every
 * third of them on the second instrument, her orders 4 and 6 (both on the first) at the same
 * minute so that a page has to break the tie by id; Dave places 3, two on the first instrument.
 */
export async function seedBlotter(prisma: PrismaClient): Promise<SeededBlotter> {
  const instrumentIds = [randomUUID(), randomUUID()] as const;
  await prisma.instrument.createMany({
    data: instrumentIds.map((id, index) => ({
      id,
      symbol: `BLOTTER${index}`,
      name: `Blotter test instrument ${index}`,
      assetClass: 'EQUITY' as const,
      currency: 'USD',
      tickSize: '0.01',
      lotSize: '1',
    })),
  });
  const place = (
    userId: string,
    count: number,
    instrumentOf: (i: number) => string,
    at: (i: number) => number,
  ) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        prisma.order.create({
          data: {
            userId,
            instrumentId: instrumentOf(i),
            side: 'BUY',
            type: 'LIMIT',
            status: statuses[i % statuses.length] ?? 'OPEN',
            price: '10',
            quantity: '1',
            createdAt: new Date(at(i)),
          },
        }),
      ),
    );
  const carolId = randomUUID();
  const daveId = randomUUID();
  const [first, second] = instrumentIds;
  const carol = await place(
    carolId,
    14,
    (i) => (i % 3 === 2 ? second : first),
    (i) => start + (i === 6 ? 4 : i) * minute,
  );
  const dave = await place(
    daveId,
    3,
    (i) => (i === 1 ? second : first),
    (i) => start + i * minute,
  );
  return { carolId, daveId, instrumentIds, carolOrders: newestFirst(carol), daveOrders: newestFirst(dave) };
}

/** Orders as `User.orders` lists them: newest first, ties on createdAt broken by id, descending. */
const newestFirst = (orders: readonly Order[]): Order[] =>
  [...orders].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
