import { randomUUID } from 'node:crypto';
import { nameBasedId, type PrismaClient } from '@mib/db';
import { createEvent, type EventOf, type TradingEvent } from '@mib/events';
import { applyOnce, InstrumentCatalog } from '@mib/subgraph-kit';
import { silentLogger } from '@mib/telemetry';
import { POSITIONS_CONSUMER } from '../src/portfolioRuntime.js';
import { applyTrade } from '../src/readModel/applyTrade.js';

/** Instruments the tests trade, with ids that do not depend on the database. */
export const instrumentIdOf = (symbol: string): string =>
  nameBasedId('2b1f0c9e-7d4a-4e8b-9a1c-5d3e6f7a8b90', symbol);

/** Equities quoted in USD unless told otherwise. */
export async function createInstruments(
  prisma: PrismaClient,
  symbols: readonly string[],
  { currency = 'USD', assetClass = 'EQUITY' }: { currency?: string; assetClass?: 'EQUITY' | 'FX' } = {},
): Promise<void> {
  await prisma.instrument.createMany({
    data: symbols.map((symbol) => ({
      id: instrumentIdOf(symbol),
      symbol,
      name: symbol,
      assetClass,
      currency,
      tickSize: '0.00001',
      lotSize: '0.1',
    })),
  });
}

export interface TradeTerms {
  readonly buyer: string;
  readonly seller: string;
  readonly price: string;
  readonly quantity: string;
  /** Which side took liquidity (default BUY: the buyer is the taker). */
  readonly aggressor?: 'BUY' | 'SELL';
}

/** Builds trade events with increasing sequences per symbol, as one engine shard per symbol would. */
export class TradeTape {
  private readonly sequences = new Map<string, number>();
  private tradeIds = 0;

  trade(symbol: string, terms: TradeTerms): EventOf<'trade'> {
    const sequence = (this.sequences.get(symbol) ?? 0) + 1;
    this.sequences.set(symbol, sequence);
    const aggressor = terms.aggressor ?? 'BUY';
    const buy = { orderId: randomUUID(), accountId: terms.buyer };
    const sell = { orderId: randomUUID(), accountId: terms.seller };
    return createEvent(
      'trade',
      {
        tradeId: String(++this.tradeIds),
        symbol,
        price: terms.price,
        quantity: terms.quantity,
        aggressorSide: aggressor,
        taker: aggressor === 'BUY' ? buy : sell,
        maker: aggressor === 'BUY' ? sell : buy,
      },
      {
        source: 'engine',
        shard: symbol.length % 2,
        sequence,
        occurredAt: new Date(Date.UTC(2026, 10, 24, 9, 0, sequence)),
      },
    );
  }

  /** An external print: no orders behind it. */
  print(symbol: string, price: string, quantity: string): EventOf<'trade'> {
    const sequence = (this.sequences.get(symbol) ?? 0) + 1;
    this.sequences.set(symbol, sequence);
    return createEvent(
      'trade',
      {
        tradeId: String(++this.tradeIds),
        symbol,
        price,
        quantity,
        aggressorSide: null,
        taker: null,
        maker: null,
      },
      {
        source: 'engine',
        shard: symbol.length % 2,
        sequence,
        occurredAt: new Date(Date.UTC(2026, 10, 24, 9, 0, sequence)),
      },
    );
  }
}

/** Hands events to the positions read model exactly as its bus consumer does, one at a time. */
export function positionsConsumer(prisma: PrismaClient): (events: readonly TradingEvent[]) => Promise<void> {
  const context = { catalog: new InstrumentCatalog(prisma), logger: silentLogger() };
  const target = { schema: 'portfolio', consumer: POSITIONS_CONSUMER } as const;
  return async (events) => {
    for (const event of events)
      await applyOnce(prisma, target, event, (tx) => applyTrade(event, tx, context));
  };
}

/**
 * A position's stored numbers as strings, for exact comparison, with the portfolio's cash in the
 * currency the instrument trades in.
 */
export async function positionOf(prisma: PrismaClient, userId: string, symbol: string) {
  const portfolio = await prisma.portfolio.findUniqueOrThrow({ where: { userId } });
  const instrumentId = instrumentIdOf(symbol);
  const position = await prisma.position.findUniqueOrThrow({
    where: { portfolioId_instrumentId: { portfolioId: portfolio.id, instrumentId } },
  });
  const { currency } = await prisma.instrument.findUniqueOrThrow({ where: { id: instrumentId } });
  const cash = await prisma.cashBalance.findUnique({
    where: { portfolioId_currency: { portfolioId: portfolio.id, currency } },
  });
  return {
    cash: cash?.amount.toFixed() ?? '0',
    quantity: position.quantity.toFixed(),
    averageCost: position.averageCost.toFixed(),
    realizedPnl: position.realizedPnl.toFixed(),
  };
}
