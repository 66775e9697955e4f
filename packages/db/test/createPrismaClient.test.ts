import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, Decimal, Role, type ObservedQuery } from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db[Symbol.asyncDispose]());

describe('createPrismaClient', () => {
  it('reads and writes exact decimals and enums through the pg adapter', async () => {
    const instrument = await db.prisma.instrument.create({
      data: {
        symbol: 'TEST',
        name: 'Test Corp',
        assetClass: 'EQUITY',
        currency: 'USD',
        tickSize: '0.01',
        lotSize: '1',
      },
    });
    expect(instrument.tickSize).toBeInstanceOf(Decimal);
    expect(instrument.tickSize.toFixed(2)).toBe('0.01');
    const user = await db.prisma.user.create({ data: { email: 'a@example.com', displayName: 'A' } });
    expect(user.role).toBe(Role.TRADER);
  });

  it('reports every SQL statement it sends to the query observer', async () => {
    const queries: ObservedQuery[] = [];
    const prisma = createPrismaClient(db.url, { onQuery: (query) => queries.push(query) });
    try {
      await prisma.user.findMany();
      await prisma.instrument.findMany({ where: { symbol: 'TEST' } });
      expect(queries).toHaveLength(2);
      expect(queries[0]?.sql).toMatch(/SELECT .* FROM "users"\."users"/);
      expect(queries[1]?.sql).toMatch(/FROM "market"\."instruments"/);

      expect(queries[1]?.params).toContain('TEST');

      queries.length = 0;
      await prisma.$transaction([prisma.user.count(), prisma.instrument.count()]);
      expect(queries.map((query) => query.sql.split(' ')[0])).toEqual([
        'BEGIN',
        'SELECT',
        'SELECT',
        'COMMIT',
      ]);
      expect(queries.every((query) => query.durationMs >= 0 && !query.failed)).toBe(true);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('prepares each statement once per connection and reuses it', async () => {
    const prisma = createPrismaClient(db.url, { maxConnections: 1 });
    try {
      const prepared = () =>
        prisma.$queryRaw<{ statement: string }[]>`
          SELECT statement FROM pg_prepared_statements
          WHERE statement LIKE '%"market"."instruments"%' AND statement NOT LIKE '%pg_prepared%'`;
      for (const symbol of ['TEST', 'NONE', 'TEST'])
        await prisma.instrument.findMany({ where: { symbol }, select: { id: true } });
      const statements = await prepared();
      expect(statements).toHaveLength(1);
      expect(statements[0]?.statement).toMatch(/WHERE .*"symbol" = \$1/);
      expect(await prisma.instrument.count({ where: { symbol: 'TEST' } })).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  });
});
