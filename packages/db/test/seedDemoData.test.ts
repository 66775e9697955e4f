import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_AS_OF,
  DEMO_DAILY_CANDLES,
  DEMO_HOURLY_CANDLES,
  DEMO_INSTRUMENTS,
  DEMO_ORDERS,
  DEMO_MARKET_MAKER_CASH,
  DEMO_PORTFOLIO_ID,
  DEMO_SIMULATED_MARKET_MAKER_IDS,
  DEMO_TAPE_PRINTS,
  DEMO_TRADER_ID,
  Decimal,
  demoInstrumentId,
  seedDemoData,
  type PrismaClient,
} from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
});
afterAll(() => db[Symbol.asyncDispose]());

const rowCounts = async (prisma: PrismaClient) => ({
  users: await prisma.user.count(),
  instruments: await prisma.instrument.count(),
  quotes: await prisma.quote.count(),
  candles: await prisma.candle.count(),
  tapePrints: await prisma.marketTrade.count(),
  orders: await prisma.order.count(),
  trades: await prisma.trade.count(),
  portfolios: await prisma.portfolio.count(),
  positions: await prisma.position.count(),
  riskProfiles: await prisma.riskProfile.count(),
  riskAlerts: await prisma.riskAlert.count(),
});

describe('seedDemoData', () => {
  it('adds nothing when run again', async () => {
    const before = await rowCounts(db.prisma);
    await seedDemoData(db.prisma);
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it('seeds simulated market makers that cannot log in, with cash in every quote currency', async () => {
    const makers = await db.prisma.user.findMany({
      where: { id: { in: [...DEMO_SIMULATED_MARKET_MAKER_IDS] } },
    });
    expect(makers).toHaveLength(DEMO_SIMULATED_MARKET_MAKER_IDS.length);
    for (const maker of makers) {
      expect(maker.role).toBe('TRADER');
      expect(maker.passwordHash).toBeNull();
      const portfolio = await db.prisma.portfolio.findUniqueOrThrow({
        where: { userId: maker.id },
        include: { cashBalances: true },
      });
      const cash = Object.fromEntries(portfolio.cashBalances.map((c) => [c.currency, c.amount.toString()]));
      expect(cash).toEqual(DEMO_MARKET_MAKER_CASH);
    }
  });

  it('seeds at least 20 instruments across equities, FX and crypto, each with a quote and candles', async () => {
    const counts = await rowCounts(db.prisma);
    expect(counts.instruments).toBe(DEMO_INSTRUMENTS.length);
    expect(counts.instruments).toBeGreaterThanOrEqual(20);
    expect(counts.quotes).toBe(counts.instruments);
    expect(counts.candles).toBe(counts.instruments * (DEMO_DAILY_CANDLES + DEMO_HOURLY_CANDLES));
    expect(counts.tapePrints).toBe(counts.instruments * DEMO_TAPE_PRINTS);
    const classes = await db.prisma.instrument.groupBy({ by: ['assetClass'], _count: true });
    expect(Object.fromEntries(classes.map((group) => [group.assetClass, group._count]))).toEqual({
      EQUITY: 10,
      FX: 5,
      CRYPTO: 5,
    });
  });

  it('keeps prices on the tick grid with a positive spread and valid OHLC bars', async () => {
    const instruments = await db.prisma.instrument.findMany({ include: { quote: true, candles: true } });
    for (const instrument of instruments) {
      const { quote, tickSize } = instrument;
      const onGrid = (price: Decimal | null | undefined) => price != null && price.mod(tickSize).isZero();
      expect(onGrid(quote?.bid) && onGrid(quote?.ask) && onGrid(quote?.last), instrument.symbol).toBe(true);
      expect(quote!.ask!.gt(quote!.bid!), instrument.symbol).toBe(true);
      for (const bar of instrument.candles) {
        expect(
          onGrid(bar.open) && onGrid(bar.high) && onGrid(bar.low) && onGrid(bar.close),
          instrument.symbol,
        ).toBe(true);
        expect(
          bar.high.gte(Decimal.max(bar.open, bar.close)) && bar.low.lte(Decimal.min(bar.open, bar.close)),
        ).toBe(true);
        expect(bar.low.gt(0) && bar.volume.mod(instrument.lotSize).isZero()).toBe(true);
      }
    }
  });

  it("ends each instrument's tape on its quote's last trade, prints on the tick and lot grids", async () => {
    const instruments = await db.prisma.instrument.findMany({
      include: { quote: true, trades: { orderBy: [{ executedAt: 'desc' }, { id: 'desc' }] } },
    });
    for (const { symbol, quote, trades, tickSize, lotSize } of instruments) {
      expect(trades[0]?.price.equals(quote!.last!), symbol).toBe(true);
      expect(trades[0]?.executedAt).toEqual(DEMO_AS_OF);
      // Newest first by time is newest first by id too: ids break ties in time order.
      const ids = trades.map((trade) => trade.id);
      expect(
        ids.toSorted((a, b) => Number(b - a)),
        symbol,
      ).toEqual(ids);
      for (const trade of trades) {
        expect(trade.price.mod(tickSize).isZero() && trade.price.gt(0), symbol).toBe(true);
        expect(trade.quantity.mod(lotSize).isZero() && trade.quantity.gt(0), symbol).toBe(true);
        expect(trade.engineTradeId, symbol).toBeNull();
      }
    }
  });

  it('gives the demo trader cash, positions, open and filled orders with trades, and a risk profile with alerts', async () => {
    const portfolio = await db.prisma.portfolio.findUniqueOrThrow({
      where: { userId: DEMO_TRADER_ID },
      include: { positions: true, cashBalances: true },
    });
    expect(portfolio.id).toBe(DEMO_PORTFOLIO_ID);
    expect(portfolio.cashBalances).toEqual([expect.objectContaining({ currency: 'USD' })]);
    expect(portfolio.cashBalances[0]?.amount.gt(0)).toBe(true);
    expect(portfolio.positions.length).toBeGreaterThanOrEqual(3);

    const orders = await db.prisma.order.findMany({
      where: { userId: DEMO_TRADER_ID },
      include: { buyTrades: true, sellTrades: true },
    });
    expect(orders).toHaveLength(DEMO_ORDERS.length);
    expect(new Set(orders.map((order) => order.status))).toEqual(
      // No working order: a seeded one would be on no book, so nobody could cancel it.
      new Set(['FILLED', 'CANCELLED']),
    );
    for (const order of orders) {
      const trades = [...order.buyTrades, ...order.sellTrades];
      const traded = trades.reduce((sum, trade) => sum.add(trade.quantity), new Decimal(0));
      expect(traded.equals(order.filledQuantity), order.id).toBe(true);
    }

    const btc = portfolio.positions.find((position) => position.instrumentId === demoInstrumentId('BTC-USD'));
    expect(btc?.quantity.toString()).toBe('0.5');
    const eurusd = portfolio.positions.find(
      (position) => position.instrumentId === demoInstrumentId('EURUSD'),
    );
    expect(eurusd?.quantity.isNegative()).toBe(true);

    // The risk monitor's net positions hold the same book, so exposure and VaR show it.
    const netPositions = await db.prisma.netPosition.findMany({ where: { userId: DEMO_TRADER_ID } });
    expect(
      new Map(netPositions.map(({ symbol, quantity }) => [demoInstrumentId(symbol), quantity.toFixed()])),
    ).toEqual(
      new Map(portfolio.positions.map(({ instrumentId, quantity }) => [instrumentId, quantity.toFixed()])),
    );
    expect(netPositions.find(({ symbol }) => symbol === 'AAPL')?.lastPrice.toFixed()).toBe('224.95');

    const risk = await db.prisma.riskProfile.findUniqueOrThrow({
      where: { userId: DEMO_TRADER_ID },
      include: { alerts: true },
    });
    expect(risk.alerts.length).toBeGreaterThanOrEqual(1);
  });

  it('does not reset state the platform changed since the first seed', async () => {
    const usdCash = { portfolioId_currency: { portfolioId: DEMO_PORTFOLIO_ID, currency: 'USD' } };
    await db.prisma.cashBalance.update({ where: usdCash, data: { amount: '1.2345' } });
    await seedDemoData(db.prisma);
    const cash = await db.prisma.cashBalance.findUniqueOrThrow({ where: usdCash });
    expect(cash.amount.toString()).toBe('1.2345');
  });
});

describe("the demo trades' owners", () => {
  it("are their orders' users on both sides", async () => {
    const trades = await db.prisma.trade.findMany({
      select: {
        buyerUserId: true,
        sellerUserId: true,
        buyOrder: { select: { userId: true } },
        sellOrder: { select: { userId: true } },
      },
    });
    expect(trades.length).toBeGreaterThan(0);
    for (const trade of trades) {
      expect([trade.buyerUserId, trade.sellerUserId]).toEqual([
        trade.buyOrder.userId,
        trade.sellOrder.userId,
      ]);
    }
  });
});
