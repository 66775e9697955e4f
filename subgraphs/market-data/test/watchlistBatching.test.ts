import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INSTRUMENTS, demoInstrumentId, seedDemoData, type PrismaClient } from '@mib/db';
import { adminRequest, startSubgraphFixture, type SubgraphFixture } from '@mib/subgraph-kit/testing';
import { marketDataSubgraph } from '../src/index.js';

/** Twenty users, each watching three demo instruments in an order of their own. */
const watchers = Array.from({ length: 20 }, (_, i) => ({
  userId: randomUUID(),
  symbols: [0, 7, 3].map((offset) => DEMO_INSTRUMENTS[(i + offset) % DEMO_INSTRUMENTS.length]!.symbol),
}));

async function seedWatchlists(prisma: PrismaClient): Promise<void> {
  await seedDemoData(prisma);
  const start = Date.UTC(2026, 10, 1);
  await prisma.watchlistEntry.createMany({
    data: watchers.flatMap(({ userId, symbols }) =>
      symbols.map((symbol, i) => ({
        userId,
        instrumentId: demoInstrumentId(symbol),
        addedAt: new Date(start + i * 1000),
      })),
    ),
  });
}

let fixture: SubgraphFixture<void>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(marketDataSubgraph, { seed: seedWatchlists, recordStatements: true });
});
afterAll(() => fixture[Symbol.asyncDispose]());

const WATCHLISTS = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on User { id watchlist { symbol quote { bid ask last } } } }
}`;

describe('User.watchlist of many users', () => {
  it('reads every list, with quotes, in a constant number of statements', async () => {
    const users = [...watchers.map((watcher) => watcher.userId), randomUUID()];
    const response = await adminRequest<{
      _entities: { id: string; watchlist: { symbol: string; quote: unknown }[] }[];
    }>(fixture.url, WATCHLISTS, { r: users.map((id) => ({ __typename: 'User', id })) });
    expect(response.errors).toBeUndefined();
    expect(
      response.data?._entities.map((user) => user.watchlist.map((instrument) => instrument.symbol)),
    ).toEqual([...watchers.map((watcher) => watcher.symbols), []]);
    expect(
      response.data?._entities.flatMap((user) => user.watchlist).every((instrument) => instrument.quote),
    ).toBe(true);
    // The entries of all 21 users, the instruments the catalogue does not hold yet, their quotes.
    expect(fixture.statements.filter((sql) => sql.includes('watchlist_entries'))).toHaveLength(1);
    expect(fixture.statements.length).toBeLessThanOrEqual(3);
  });
});
