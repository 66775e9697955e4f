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
