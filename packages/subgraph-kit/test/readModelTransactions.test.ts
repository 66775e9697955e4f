import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { quote } from '@mib/events/testing';
import { applyOnce, READ_MODEL_TRANSACTIONS_PER_CLIENT } from '../src/index.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database[Symbol.asyncDispose]());

describe('read-model transactions of one database client', () => {
  it('run a few at a time, however many events arrive at once, so requests keep connections', async () => {
    // Ten events of ten streams (as ten partitions deliver them), each transaction held open.
    let open = 0;
    let mostOpen = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const target = { schema: 'market' as const, consumer: 'transaction-bound-test' };
    const applying = Array.from({ length: 10 }, (_, index) =>
      applyOnce(database.prisma, target, quote(`SYM${index}`, 1), async () => {
        mostOpen = Math.max(mostOpen, ++open);
        await released;
        open--;
      }),
    );
    await expect.poll(() => open).toBe(READ_MODEL_TRANSACTIONS_PER_CLIENT);

    // The pool holds 10 connections: a request still gets one while the read model waits.
    const startedAt = performance.now();
    await database.prisma.$queryRaw`SELECT 1`;
    expect(performance.now() - startedAt).toBeLessThan(1_000);

    release();
    expect(await Promise.all(applying)).toEqual(Array.from({ length: 10 }, () => true));
    expect(mostOpen).toBe(READ_MODEL_TRANSACTIONS_PER_CLIENT);
  });
});
