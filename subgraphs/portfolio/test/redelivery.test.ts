import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { EventOf } from '@mib/events';
import { createInstruments, positionsConsumer, TradeTape } from './tradeEvents.js';

const SYMBOLS = ['AAPL', 'MSFT', 'NVDA'];
let inOrder: TestDatabase;
let shuffled: TestDatabase;

beforeAll(async () => {
  [inOrder, shuffled] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await Promise.all([
    createInstruments(inOrder.prisma, SYMBOLS),
    createInstruments(shuffled.prisma, SYMBOLS),
  ]);
});

afterAll(async () => {
  await Promise.all([inOrder[Symbol.asyncDispose](), shuffled[Symbol.asyncDispose]()]);
});

/** 60 trades among four accounts on three symbols, from a fixed seed. */
function tradeHistory(): EventOf<'trade'>[] {
  const accounts = Array.from({ length: 4 }, () => randomUUID());
  const tape = new TradeTape();
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 60 }, () => {
    const buyer = Math.floor(random() * 4);
    const seller = (buyer + 1 + Math.floor(random() * 3)) % 4;
    return tape.trade(SYMBOLS[Math.floor(random() * SYMBOLS.length)] ?? 'AAPL', {
      buyer: accounts[buyer] ?? '',
      seller: accounts[seller] ?? '',
      price: (90 + random() * 20).toFixed(5),
      quantity: (Math.ceil(random() * 50) / 10).toFixed(1),
      aggressor: random() < 0.5 ? 'BUY' : 'SELL',
    });
  });
}

/**
 * What the bus may do: every event twice, each symbol's events in order (one partition per
 * key), symbols interleaved differently from how they were produced. Symbols go round-robin,
 * last symbol first, and each event's duplicate arrives after the next event of its symbol.
 */
function redeliveredOutOfOrder(events: readonly EventOf<'trade'>[]): EventOf<'trade'>[] {
  const bySymbol = [...SYMBOLS]
    .reverse()
    .map((symbol) => events.filter((event) => event.payload.symbol === symbol));
  const perSymbol = bySymbol.map((list) =>
    list.flatMap((event, index) => (index === 0 ? [event] : [event, list[index - 1] as EventOf<'trade'>])),
  );
  const delivered: EventOf<'trade'>[] = [];
  for (let index = 0; perSymbol.some((list) => index < list.length); index++) {
    for (const list of perSymbol) if (list[index]) delivered.push(list[index] as EventOf<'trade'>);
  }
  return [...delivered, ...events];
}

/** Every row of the read model, creation timestamps aside (they record when a row was inserted). */
async function readModelOf(prisma: PrismaClient) {
  const portfolios = await prisma.portfolio.findMany({ orderBy: { id: 'asc' }, omit: { createdAt: true } });
  const positions = await prisma.position.findMany({ orderBy: { id: 'asc' } });
  const cash = await prisma.cashBalance.findMany({ orderBy: [{ portfolioId: 'asc' }, { currency: 'asc' }] });
  return {
    portfolios,
    cash: cash.map((row) => ({ ...row, amount: row.amount.toFixed() })),
    positions: positions.map((row) => ({
      ...row,
      quantity: row.quantity.toFixed(),
      averageCost: row.averageCost.toFixed(),
      realizedPnl: row.realizedPnl.toFixed(),
    })),
  };
}

describe('redelivered and reordered trades', () => {
  it('leave the same portfolios and positions as one in-order delivery', async () => {
    const events = tradeHistory();
    const redelivered = redeliveredOutOfOrder(events);
    expect(redelivered).toHaveLength(events.length * 3 - SYMBOLS.length);
    expect(redelivered.slice(0, 3).map((event) => event.payload.symbol)).toEqual([...SYMBOLS].reverse());

    await positionsConsumer(inOrder.prisma)(events);
    await positionsConsumer(shuffled.prisma)(redelivered);

    const expected = await readModelOf(inOrder.prisma);
    expect(expected.portfolios).toHaveLength(4);
    expect(expected.positions.length).toBeGreaterThanOrEqual(9);
    expect(await readModelOf(shuffled.prisma)).toEqual(expected);
  });
});
