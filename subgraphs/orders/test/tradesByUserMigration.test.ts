import { expect, it } from 'vitest';
import { databaseBeforeMigration } from './databaseBeforeMigration.js';

/** The migration that copies the orders' owners onto their trades. */
const MIGRATION = /_trades_by_user$/;
const scratch = databaseBeforeMigration(MIGRATION, 'trades_by_user');

it("fills a trade's buyer and seller from its orders' owners when the columns are added", async () => {
  const db = scratch.db();
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

  expect(await scratch.migrate()).toEqual([expect.stringMatching(MIGRATION)]);

  const trades = await db.trade.findMany({
    orderBy: { id: 'asc' },
    select: { buyerUserId: true, sellerUserId: true },
  });
  expect(trades).toEqual([
    { buyerUserId: alice, sellerUserId: bob },
    { buyerUserId: alice, sellerUserId: alice },
  ]);
});
