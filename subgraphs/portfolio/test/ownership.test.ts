import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PORTFOLIO_ID, DEMO_TRADER_ID, seedDemoData } from '@mib/db';
import {
  entityAccessByCaller,
  errorCodes,
  subgraphRequest,
  testIdentity,
  OWNER_AND_ADMINS_ONLY,
  startSubgraphFixture,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { portfolioSubgraph } from '../src/index.js';

let fixture: SubgraphFixture<void>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(portfolioSubgraph, { seed: seedDemoData });
});
afterAll(() => fixture[Symbol.asyncDispose]());

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
      (await subgraphRequest(fixture.url, BY_ID, { id: DEMO_PORTFOLIO_ID }, owner)).errors,
    ).toBeUndefined();
    expect((await subgraphRequest(fixture.url, OF_USER, demoTrader, owner)).data).toEqual({
      _entities: [{ portfolio: { id: DEMO_PORTFOLIO_ID } }],
    });
  });

  it('serves the owner whose id arrives in capitals, as the same UUID', async () => {
    const owner = testIdentity(DEMO_TRADER_ID);
    const shouted = { r: [{ __typename: 'User', id: DEMO_TRADER_ID.toUpperCase() }] };
    expect((await subgraphRequest(fixture.url, OF_USER, shouted, owner)).data).toEqual({
      _entities: [{ portfolio: { id: DEMO_PORTFOLIO_ID } }],
    });
    const byId = await subgraphRequest(fixture.url, BY_ID, { id: DEMO_PORTFOLIO_ID.toUpperCase() }, owner);
    expect(byId.data).toMatchObject({ portfolio: { id: DEMO_PORTFOLIO_ID } });
  });

  it('refuses another trader with FORBIDDEN and an anonymous caller with UNAUTHENTICATED', async () => {
    const stranger = testIdentity(randomUUID());
    const byId = await subgraphRequest(fixture.url, BY_ID, { id: DEMO_PORTFOLIO_ID }, stranger);
    expect(errorCodes(byId)).toEqual(['FORBIDDEN']);
    expect(byId.data).toEqual({ portfolio: null });
    expect(errorCodes(await subgraphRequest(fixture.url, OF_USER, demoTrader, stranger))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await subgraphRequest(fixture.url, BY_ID, { id: DEMO_PORTFOLIO_ID }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it("refuses another trader's portfolio and positions through entity references with FORBIDDEN", async () => {
    const position = await fixture.db.prisma.position.findFirstOrThrow({
      where: { portfolioId: DEMO_PORTFOLIO_ID },
    });
    const references = [
      { __typename: 'Portfolio', id: DEMO_PORTFOLIO_ID },
      { __typename: 'Position', id: position.id },
    ];
    expect(await entityAccessByCaller(fixture.url, ENTITIES, references, DEMO_TRADER_ID)).toEqual(
      OWNER_AND_ADMINS_ONLY,
    );
  });

  it('refuses an analyst, whose role has no portfolio:read', async () => {
    const analyst = testIdentity(DEMO_TRADER_ID, 'analyst');
    expect(errorCodes(await subgraphRequest(fixture.url, BY_ID, { id: DEMO_PORTFOLIO_ID }, analyst))).toEqual(
      ['FORBIDDEN'],
    );
  });
});
