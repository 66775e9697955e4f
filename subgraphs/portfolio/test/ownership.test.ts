import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO_ID, DEMO_TRADER_ID, seedDemoData } from '@mib/db';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { RunningService } from '@mib/subgraph-kit';
import {
  entityAnswersByCaller,
  errorCodes,
  startSubgraphForTest,
  subgraphRequest,
  testIdentity,
} from '@mib/subgraph-kit/testing';
import { portfolioSubgraph } from '../src/index.js';

let db: TestDatabase;
let subgraph: RunningService & AsyncDisposable;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  subgraph = await startSubgraphForTest(portfolioSubgraph, db.prisma);
});

afterAll(async () => {
  await subgraph[Symbol.asyncDispose]();
  await db[Symbol.asyncDispose]();
});

const BY_ID = 'query($id: ID!) { portfolio(id: $id) { id cash } }';
const OF_USER = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { portfolio { id } } } }`;
const demoTrader = { r: [{ __typename: 'User', id: DEMO_TRADER_ID }] };
const ENTITIES = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Portfolio { id cash } ... on Position { id quantity } }
}`;

describe('a portfolio is seen only by its owner and admins', () => {
  it('serves the owner, by id and through their user', async () => {
    const owner = testIdentity(DEMO_TRADER_ID);
    expect(
      (await subgraphRequest(subgraph.url, BY_ID, { id: DEMO_PORTFOLIO_ID }, owner)).errors,
    ).toBeUndefined();
    expect((await subgraphRequest(subgraph.url, OF_USER, demoTrader, owner)).data).toEqual({
      _entities: [{ portfolio: { id: DEMO_PORTFOLIO_ID } }],
    });
  });

  it('serves the owner whose id arrives in capitals, as the same UUID', async () => {
    const owner = testIdentity(DEMO_TRADER_ID);
    const shouted = { r: [{ __typename: 'User', id: DEMO_TRADER_ID.toUpperCase() }] };
    expect((await subgraphRequest(subgraph.url, OF_USER, shouted, owner)).data).toEqual({
      _entities: [{ portfolio: { id: DEMO_PORTFOLIO_ID } }],
    });
    const byId = await subgraphRequest(subgraph.url, BY_ID, { id: DEMO_PORTFOLIO_ID.toUpperCase() }, owner);
    expect(byId.data).toMatchObject({ portfolio: { id: DEMO_PORTFOLIO_ID } });
  });

  it('refuses another trader with FORBIDDEN and an anonymous caller with UNAUTHENTICATED', async () => {
    const stranger = testIdentity(randomUUID());
    const byId = await subgraphRequest(subgraph.url, BY_ID, { id: DEMO_PORTFOLIO_ID }, stranger);
    expect(errorCodes(byId)).toEqual(['FORBIDDEN']);
    expect(byId.data).toEqual({ portfolio: null });
    expect(errorCodes(await subgraphRequest(subgraph.url, OF_USER, demoTrader, stranger))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await subgraphRequest(subgraph.url, BY_ID, { id: DEMO_PORTFOLIO_ID }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it("refuses another trader's portfolio and positions through entity references with FORBIDDEN", async () => {
    const position = await db.prisma.position.findFirstOrThrow({ where: { portfolioId: DEMO_PORTFOLIO_ID } });
    const answers = await entityAnswersByCaller(
      subgraph.url,
      ENTITIES,
      [
        { __typename: 'Portfolio', id: DEMO_PORTFOLIO_ID },
        { __typename: 'Position', id: position.id },
      ],
      DEMO_TRADER_ID,
    );
    expect(answers.stranger).toEqual({ codes: ['FORBIDDEN', 'FORBIDDEN'], entities: [null, null] });
    expect(answers.anonymous.codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    for (const allowed of [answers.owner, answers.admin]) {
      expect(allowed.codes).toEqual([]);
      expect(allowed.entities).toHaveLength(2);
    }
  });

  it('refuses an analyst, whose role has no portfolio:read', async () => {
    const analyst = testIdentity(DEMO_TRADER_ID, 'analyst');
    expect(
      errorCodes(await subgraphRequest(subgraph.url, BY_ID, { id: DEMO_PORTFOLIO_ID }, analyst)),
    ).toEqual(['FORBIDDEN']);
  });
});
