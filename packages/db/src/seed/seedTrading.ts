import type { Prisma } from '../generated/prisma/client.js';
import {
  DEMO_MARKET_MAKER_ID,
  DEMO_PORTFOLIO_ID,
  DEMO_TRADER_ID,
  demoId,
  demoInstrumentId,
} from './demoIds.js';
import {
  DEMO_ORDERS,
  demoCounterpartyOrderId,
  demoOrderId,
  demoOrderTime,
  demoTradeId,
  fillSummary,
  positionsAfterFills,
  type DemoOrder,
} from './demoOrders.js';

/**
 * The demo trader's orders, trades, portfolio and positions. All of it is state the services
 * change afterwards (fills, cancels, cash), so rows are created when missing and never reset.
 */
export async function seedTrading(tx: Prisma.TransactionClient): Promise<void> {
  for (const order of DEMO_ORDERS) await seedOrderWithFills(tx, order);

  const { positions, cash } = positionsAfterFills(DEMO_ORDERS);
  await tx.portfolio.upsert({
    where: { id: DEMO_PORTFOLIO_ID },
    create: {
      id: DEMO_PORTFOLIO_ID,
      userId: DEMO_TRADER_ID,
      baseCurrency: 'USD',
      cashBalances: { create: { currency: 'USD', amount: cash } },
    },
    update: {},
  });
  for (const position of positions) {
    const id = demoId(`position:trader:${position.symbol}`);
    await tx.position.upsert({
      where: { id },
      create: {
        id,
        portfolioId: DEMO_PORTFOLIO_ID,
        instrumentId: demoInstrumentId(position.symbol),
        quantity: position.quantity,
        averageCost: position.averageCost,
      },
      update: {},
    });
  }
}

async function seedOrderWithFills(tx: Prisma.TransactionClient, order: DemoOrder): Promise<void> {
  const id = demoOrderId(order.key);
  const instrumentId = demoInstrumentId(order.symbol);
  const placedAt = demoOrderTime(order);
  const lastUpdate = demoOrderTime(order, order.fills.length - 1);
  await tx.order.upsert({
    where: { id },
    create: {
      id,
      userId: DEMO_TRADER_ID,
      instrumentId,
      side: order.side,
      type: order.type,
      status: order.status,
      price: order.price,
      quantity: order.quantity,
      ...fillSummary(order),
      createdAt: placedAt,
      updatedAt: lastUpdate,
    },
    // Data seeded before the demo's working orders were retired kept them OPEN on no book.
    update: { status: order.status },
  });

  for (const [index, fill] of order.fills.entries()) {
    const counterpartyId = demoCounterpartyOrderId(order.key, index);
    const executedAt = demoOrderTime(order, index);
    await tx.order.upsert({
      where: { id: counterpartyId },
      create: {
        id: counterpartyId,
        userId: DEMO_MARKET_MAKER_ID,
        instrumentId,
        side: order.side === 'BUY' ? 'SELL' : 'BUY',
        type: 'LIMIT',
        status: 'FILLED',
        price: fill.price,
        quantity: fill.quantity,
        filledQuantity: fill.quantity,
        averagePrice: fill.price,
        pricedQuantity: fill.quantity,
        createdAt: placedAt,
        updatedAt: executedAt,
      },
      update: {},
    });
    const tradeId = demoTradeId(order.key, index);
    await tx.trade.upsert({
      where: { id: tradeId },
      create: {
        id: tradeId,
        instrumentId,
        buyOrderId: order.side === 'BUY' ? id : counterpartyId,
        sellOrderId: order.side === 'BUY' ? counterpartyId : id,
        buyerUserId: order.side === 'BUY' ? DEMO_TRADER_ID : DEMO_MARKET_MAKER_ID,
        sellerUserId: order.side === 'BUY' ? DEMO_MARKET_MAKER_ID : DEMO_TRADER_ID,
        price: fill.price,
        quantity: fill.quantity,
        executedAt,
      },
      update: {},
    });
  }
}
