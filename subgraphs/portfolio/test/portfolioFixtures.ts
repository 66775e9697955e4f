import { randomUUID } from 'node:crypto';
import type { Portfolio, Position, PrismaClient } from '@mib/db';

/** What `seedPortfolios` wrote, for assertions. */
export interface SeededPortfolios {
  readonly aliceId: string;
  /** Alice's portfolio: seven positions, a short among them. */
  readonly alice: Portfolio;
  /** Alice's positions sorted by instrument, the order `Portfolio.positions` returns them in. */
  readonly alicePositions: readonly Position[];
  /** Bob has a portfolio but has never traded. */
  readonly bob: Portfolio;
  /** Carol has no portfolio at all. */
  readonly carolId: string;
}

/** [quantity, averageCost, realizedPnl] of Alice's positions. */
const holdings: readonly (readonly [string, string, string])[] = [
  ['10', '189.25', '0.1'],
  ['-2.5', '40000.12345678', '0.2'],
  ['123456789012.12345678', '98765432.10987654', '-12.5'],
  ['0', '0', '1000.0001'],
  ['100', '1.0842', '0'],
  ['3', '250', '-0.0001'],
  ['1', '1', '7'],
];

/**
 * Users and instruments live in other subgraphs, so their ids are fresh UUIDs here. Alice's
 * realized P&L sums to exactly 994.8 (0.1 + 0.2 would not be 0.3 in floating point).
 */
export async function seedPortfolios(prisma: PrismaClient): Promise<SeededPortfolios> {
  const aliceId = randomUUID();
  const alice = await prisma.portfolio.create({
    data: {
      userId: aliceId,
      baseCurrency: 'USD',
      cashBalances: { create: { currency: 'USD', amount: '10000.5' } },
    },
  });
  const alicePositions: Position[] = [];
  for (const [quantity, averageCost, realizedPnl] of holdings) {
    const instrumentId = await createInstrument(prisma);
    alicePositions.push(
      await prisma.position.create({
        data: { portfolioId: alice.id, instrumentId, quantity, averageCost, realizedPnl },
      }),
    );
  }
  alicePositions.sort((a, b) => (a.instrumentId < b.instrumentId ? -1 : 1));
  const bob = await prisma.portfolio.create({ data: { userId: randomUUID(), baseCurrency: 'EUR' } });
  return { aliceId, alice, alicePositions, bob, carolId: randomUUID() };
}

/**
 * An instrument of the catalogue market-data owns (positions name one; their currency is its),
 * an equity quoted in USD unless told otherwise. Returns its id.
 */
export async function createInstrument(
  prisma: PrismaClient,
  { symbol = `T${randomUUID().slice(0, 8)}`, currency = 'USD', assetClass = 'EQUITY' }: InstrumentTerms = {},
): Promise<string> {
  const data = { symbol, name: symbol, assetClass, currency, tickSize: '0.00001', lotSize: '1' };
  return (await prisma.instrument.create({ data })).id;
}

interface InstrumentTerms {
  readonly symbol?: string;
  readonly currency?: string;
  readonly assetClass?: 'EQUITY' | 'FX';
}
