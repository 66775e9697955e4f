import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { InstrumentCatalog } from '../src/index.js';

let db: TestDatabase;
let statements: string[] = [];
let aaplId = '';

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: (query) => statements.push(query.sql) });
  const data = { assetClass: 'EQUITY', currency: 'USD', tickSize: '0.01', lotSize: '1' } as const;
  aaplId = (await db.prisma.instrument.create({ data: { symbol: 'AAPL', name: 'Apple', ...data } })).id;
  await db.prisma.instrument.create({ data: { symbol: 'MSFT', name: 'Microsoft', ...data } });
});
afterAll(() => db[Symbol.asyncDispose]());
beforeEach(() => {
  statements = [];
});

describe('InstrumentCatalog', () => {
  it('answers many keys in order with one statement for what it does not hold, then none', async () => {
    const catalog = new InstrumentCatalog(db.prisma);
    const first = await catalog.bySymbolNames(['MSFT', 'NOPE', 'AAPL', 'MSFT']);
    expect(first.map((instrument) => instrument?.symbol ?? null)).toEqual(['MSFT', null, 'AAPL', 'MSFT']);
    expect(statements).toHaveLength(1);
    // Found by symbol, known by id too.
    expect((await catalog.byInstrumentId(aaplId))?.name).toBe('Apple');
    expect(await catalog.bySymbolName('AAPL')).toMatchObject({ id: aaplId, active: true });
    expect(statements).toHaveLength(1);
  });

  it('reads again once an entry is older than its max age, so a halt written elsewhere arrives', async () => {
    // The clock moves only when the test says so: a slow update on a busy machine must not age
    // the entry before the test means it to.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const catalog = new InstrumentCatalog(db.prisma, 50);
      expect((await catalog.byInstrumentId(aaplId))?.active).toBe(true);
      await db.prisma.instrument.update({ where: { id: aaplId }, data: { active: false } });
      vi.setSystemTime(Date.now() + 49);
      expect((await catalog.byInstrumentId(aaplId))?.active).toBe(true);
      vi.setSystemTime(Date.now() + 2);
      expect((await catalog.byInstrumentId(aaplId))?.active).toBe(false);
    } finally {
      vi.useRealTimers();
      await db.prisma.instrument.update({ where: { id: aaplId }, data: { active: true } });
    }
  });

  it('serves a row its own process wrote at once', async () => {
    const catalog = new InstrumentCatalog(db.prisma);
    expect((await catalog.bySymbolName('MSFT'))?.active).toBe(true);
    const halted = await db.prisma.instrument.update({ where: { symbol: 'MSFT' }, data: { active: false } });
    catalog.remember(halted);
    statements = [];
    expect((await catalog.bySymbolName('MSFT'))?.active).toBe(false);
    expect(statements).toEqual([]);
  });
});
