import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoInstrumentId, seedDemoData } from '@mib/db';
import {
  errorCodes,
  startSubgraphFixture,
  subgraphRequest,
  testIdentity,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { marketDataSubgraph } from '../src/index.js';

let fixture: SubgraphFixture<void>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(marketDataSubgraph, { seed: seedDemoData });
});
afterAll(() => fixture[Symbol.asyncDispose]());

const SET_TRADING =
  'mutation($id: ID!, $active: Boolean!) { setInstrumentTrading(id: $id, active: $active) { symbol active } }';
const ADMIN = testIdentity('00000000-0000-4000-8000-00000000ad02', 'admin');
const isActive = async (id: string) =>
  (await fixture.db.prisma.instrument.findUniqueOrThrow({ where: { id } })).active;

describe('Mutation.setInstrumentTrading', () => {
  it('lets an admin halt and resume an instrument', async () => {
    const id = demoInstrumentId('TSLA');
    const halted = await subgraphRequest(fixture.url, SET_TRADING, { id, active: false }, ADMIN);
    expect(halted.data).toEqual({ setInstrumentTrading: { symbol: 'TSLA', active: false } });
    expect(await isActive(id)).toBe(false);
    await subgraphRequest(fixture.url, SET_TRADING, { id, active: true }, ADMIN);
    expect(await isActive(id)).toBe(true);
  });

  it('refuses traders and anonymous callers, and changes nothing', async () => {
    const id = demoInstrumentId('AAPL');
    const trader = await subgraphRequest(
      fixture.url,
      SET_TRADING,
      { id, active: false },
      testIdentity(ADMIN.userId),
    );
    expect(errorCodes(trader)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await subgraphRequest(fixture.url, SET_TRADING, { id, active: false }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(await isActive(id)).toBe(true);
  });

  it('answers an unknown instrument with NOT_FOUND and a malformed id with BAD_USER_INPUT', async () => {
    const unknown = { id: '00000000-0000-4000-8000-000000000000', active: false };
    expect(errorCodes(await subgraphRequest(fixture.url, SET_TRADING, unknown, ADMIN))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      errorCodes(await subgraphRequest(fixture.url, SET_TRADING, { id: 'TSLA', active: false }, ADMIN)),
    ).toEqual(['BAD_USER_INPUT']);
  });
});
