import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyMigrations, createPrismaClient, migrationsDirectory, type PrismaClient } from '@mib/db';
import { databaseUrlFor, testServerUrl } from '@mib/db/testing';

/** The migration that copies the orders' owners onto their trades. */
const MIGRATION = /_trades_by_user$/;

const serverUrl = testServerUrl();
const database = `mib_test_trades_by_user_${process.pid}_${Date.now().toString(36)}`;
const url = databaseUrlFor(serverUrl, database);
let admin: PrismaClient;
let before: string;

beforeAll(async () => {
  admin = createPrismaClient(serverUrl);
  await admin.$executeRawUnsafe(`CREATE DATABASE "${database}"`);
  // The migrations up to (not including) this one: the schema trades were written under.
  before = await mkdtemp(path.join(tmpdir(), 'mib-migrations-'));
  const names = (await readdir(migrationsDirectory)).sort();
  const cut = names.findIndex((name) => MIGRATION.test(name));
  for (const name of names.slice(0, cut))
    await cp(path.join(migrationsDirectory, name), path.join(before, name), { recursive: true });
});
afterAll(async () => {
  await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.$disconnect();
  await rm(before, { recursive: true, force: true });
});

it("fills a trade's buyer and seller from its orders' owners when the columns are added", async () => {
  await applyMigrations(url, { migrationsDirectory: before });
  const db = createPrismaClient(url);
  try {
    const [alice, bob] = ['0000000a-0000-4000-8000-000000000001', '0000000b-0000-4000-8000-000000000002'];
    const instrument = '0000000c-0000-4000-8000-000000000003';
    // Raw SQL: the generated client already knows the new columns, the old schema does not.
    await db.$executeRawUnsafe(`
      INSERT INTO orders.orders (id, user_id, instrument_id, side, type, status, quantity, updated_at) VALUES
        ('00000001-0000-4000-8000-000000000000', '${alice}', '${instrument}', 'BUY', 'LIMIT', 'FILLED', 1, now()),
        ('00000002-0000-4000-8000-000000000000', '${bob}', '${instrument}', 'SELL', 'LIMIT', 'FILLED', 1, now()),
        ('00000003-0000-4000-8000-000000000000', '${alice}', '${instrument}', 'SELL', 'LIMIT', 'FILLED', 1, now())`);
    await db.$executeRawUnsafe(`
      INSERT INTO orders.trades (id, instrument_id, buy_order_id, sell_order_id, price, quantity, executed_at) VALUES
        ('10000001-0000-4000-8000-000000000000', '${instrument}', '00000001-0000-4000-8000-000000000000', '00000002-0000-4000-8000-000000000000', 1, 1, now()),
        ('10000002-0000-4000-8000-000000000000', '${instrument}', '00000001-0000-4000-8000-000000000000', '00000003-0000-4000-8000-000000000000', 1, 1, now())`);

    expect((await applyMigrations(url)).applied).toEqual([expect.stringMatching(MIGRATION)]);

    const trades = await db.trade.findMany({
      orderBy: { id: 'asc' },
      select: { buyerUserId: true, sellerUserId: true },
    });
    expect(trades).toEqual([
      { buyerUserId: alice, sellerUserId: bob },
      { buyerUserId: alice, sellerUserId: alice },
    ]);
  } finally {
    await db.$disconnect();
  }
});
