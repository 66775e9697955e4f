import { expect, it } from 'vitest';
import { databaseBeforeMigration } from './databaseBeforeMigration.js';

/** The migration that gives an order's average its own guard, `priced_quantity`. */
const MIGRATION = /_order_priced_quantity$/;
const scratch = databaseBeforeMigration(MIGRATION, 'priced_quantity');

const order = (n: number) => `0000000${n}-0000-4000-8000-000000000000`;

it('recomputes an average from the recorded trades, and marks it complete only when they add up', async () => {
  const db = scratch.db();
  const [trader, maker] = ['0000000a-0000-4000-8000-000000000001', '0000000b-0000-4000-8000-000000000002'];
  const instrument = '0000000c-0000-4000-8000-000000000003';
  // 1: filled 5 by 2 @ 100 and 3 @ 110, stored with a stale average of 100.
  // 2: filled 5, but only 2 @ 100 recorded so far: its average cannot be checked.
  // 3: nothing filled.  4–6: the makers' sides.
  await db.$executeRawUnsafe(`
    INSERT INTO orders.orders (id, user_id, instrument_id, side, type, status, quantity, filled_quantity, average_price, updated_at) VALUES
      ('${order(1)}', '${trader}', '${instrument}', 'BUY', 'LIMIT', 'FILLED', 5, 5, 100, now()),
      ('${order(2)}', '${trader}', '${instrument}', 'BUY', 'LIMIT', 'FILLED', 5, 5, 100, now()),
      ('${order(3)}', '${trader}', '${instrument}', 'BUY', 'LIMIT', 'OPEN', 5, 0, NULL, now()),
      ('${order(4)}', '${maker}', '${instrument}', 'SELL', 'LIMIT', 'FILLED', 2, 2, 100, now()),
      ('${order(5)}', '${maker}', '${instrument}', 'SELL', 'LIMIT', 'FILLED', 3, 3, 110, now()),
      ('${order(6)}', '${maker}', '${instrument}', 'SELL', 'LIMIT', 'PARTIALLY_FILLED', 5, 2, 100, now())`);
  await db.$executeRawUnsafe(`
    INSERT INTO orders.trades (id, instrument_id, buy_order_id, sell_order_id, price, quantity, executed_at) VALUES
      ('10000001-0000-4000-8000-000000000000', '${instrument}', '${order(1)}', '${order(4)}', 100, 2, now()),
      ('10000002-0000-4000-8000-000000000000', '${instrument}', '${order(1)}', '${order(5)}', 110, 3, now()),
      ('10000003-0000-4000-8000-000000000000', '${instrument}', '${order(2)}', '${order(6)}', 100, 2, now())`);

  expect(await scratch.migrate()).toEqual([expect.stringMatching(MIGRATION)]);

  const rows = await db.$queryRawUnsafe<{ id: string; average: string | null; priced: string | null }[]>(`
    SELECT id::text, average_price::text AS average, priced_quantity::text AS priced
    FROM orders.orders ORDER BY id`);
  expect(rows).toEqual([
    { id: order(1), average: '106.00000000', priced: '5.00000000' },
    { id: order(2), average: '100.00000000', priced: null },
    { id: order(3), average: null, priced: null },
    { id: order(4), average: '100.00000000', priced: '2.00000000' },
    { id: order(5), average: '110.00000000', priced: '3.00000000' },
    { id: order(6), average: '100.00000000', priced: '2.00000000' },
  ]);
});
