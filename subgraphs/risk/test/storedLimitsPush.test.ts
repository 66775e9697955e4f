import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '@mib/db';
import { createTestDatabase } from '@mib/db/testing';
import { EngineClient, startEngine } from '@mib/engine';
import { InProcessEventBus } from '@mib/events';
import { subgraphRequest, testCallerTokens, testIdentity } from '@mib/subgraph-kit/testing';
import { silentLogger } from '@mib/telemetry';
import { recordLogs } from '@mib/telemetry/testing';
import { riskSubgraph } from '../src/index.js';
import { startRiskFixture } from './riskFixture.js';

/** A trader whose limits were written straight to the database (as the seed does), never sent. */
async function storeProfile(prisma: PrismaClient, limits: { maxOrderQuantity: string; maxPosition: string }) {
  const userId = randomUUID();
  await prisma.riskProfile.create({
    data: {
      userId,
      maxOrderNotional: '1000000',
      maxPositionNotional: '1000000',
      maxOpenOrders: 100,
      priceBandBps: 1000,
      ...limits,
    },
  });
  return userId;
}

const buy = (engine: EngineClient, accountId: string, quantity: string) =>
  engine.submitOrder({ symbol: 'AAPL', accountId, side: 'BUY', type: 'LIMIT', price: '1', quantity });

/** Log lines of a logger at `info`, parsed, and a wait for the first with message `msg`. */
function capturedLogs() {
  const { lines, logger } = recordLogs('risk');
  return {
    lines,
    logger,
    logged: (msg: string) =>
      expect
        .poll(() => lines.some((line) => line['msg'] === msg), { timeout: 20_000, interval: 20 })
        .toBe(true),
  };
}

/** A port nobody listens on now (the system's pick, released at once). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('pushing stored risk limits at start-up', () => {
  it('makes the engine enforce a profile stored only in the database', async () => {
    const logs = capturedLogs();
    let trader = '';
    await using fixture = await startRiskFixture({
      engine: true,
      logger: logs.logger,
      seed: async (prisma) => {
        trader = await storeProfile(prisma, { maxOrderQuantity: '5', maxPosition: '8' });
      },
    });
    await logs.logged('stored risk limits pushed to the engine');
    expect(
      logs.lines.find((line) => line['msg'] === 'stored risk limits pushed to the engine'),
    ).toMatchObject({
      pushed: 1,
    });
    expect(await buy(fixture.engine, trader, '6')).toMatchObject({
      kind: 'rejected',
      rejection: { reason: 'MAX_ORDER_QUANTITY_EXCEEDED' },
    });
    expect((await buy(fixture.engine, trader, '5')).kind).toBe('accepted');
    expect(await buy(fixture.engine, trader, '4')).toMatchObject({
      kind: 'rejected',
      rejection: { reason: 'POSITION_LIMIT_EXCEEDED' },
    });
  });

  it('serves at once while the engine is down, and pushes once it is up', async () => {
    const logs = capturedLogs();
    await using db = await createTestDatabase();
    const trader = await storeProfile(db.prisma, { maxOrderQuantity: '5', maxPosition: '1000' });
    const port = await freePort();
    const engine = new EngineClient(`127.0.0.1:${port}`, { deadlineMs: 1_000 });
    const bus = new InProcessEventBus({ logger: silentLogger() });
    const subgraph = await riskSubgraph.start(
      db.prisma,
      { port: 0, logger: logs.logger, callerTokens: testCallerTokens },
      { events: bus, engine },
    );
    try {
      const profile = await subgraphRequest(
        subgraph.url,
        'query($user: [_Any!]!) { _entities(representations: $user) { ... on User { riskProfile { maxPosition } } } }',
        { user: [{ __typename: 'User', id: trader }] },
        testIdentity(trader),
      );
      expect(profile.data).toEqual({ _entities: [{ riskProfile: { maxPosition: '1000' } }] });
      await logs.logged('risk limits not pushed to the engine yet; retrying');

      const running = await startEngine({ port, host: '127.0.0.1', shards: 1, heartbeatMs: 0 });
      try {
        await logs.logged('stored risk limits pushed to the engine');
        expect(await buy(engine, trader, '6')).toMatchObject({
          kind: 'rejected',
          rejection: { reason: 'MAX_ORDER_QUANTITY_EXCEEDED' },
        });
      } finally {
        await running.close();
      }
    } finally {
      await subgraph.stop();
      await bus.close();
      engine.close();
    }
  });
});
