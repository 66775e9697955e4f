import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import { errorCodes, graphqlRequest, startSubgraphForTest } from '@mib/subgraph-kit/testing';
import type { RunningService } from '@mib/subgraph-kit';
import { usersSubgraph } from '../src/index.js';

let db: TestDatabase;
let subgraph: RunningService & AsyncDisposable;
const ids: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  subgraph = await startSubgraphForTest(usersSubgraph, db.prisma);
  for (let i = 0; i < 5; i++) {
    const user = await db.prisma.user.create({
      data: {
        email: `user${i}@example.test`,
        displayName: `User ${i}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      },
    });
    ids.push(user.id);
  }
});

afterAll(async () => {
  await subgraph[Symbol.asyncDispose]();
  await db[Symbol.asyncDispose]();
});

describe('users subgraph', () => {
  it('returns a user by id with its fields', async () => {
    const response = await graphqlRequest(
      subgraph.url,
      'query($id: ID!) { user(id: $id) { id email displayName role createdAt } }',
      { id: ids[0] },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      user: {
        id: ids[0],
        email: 'user0@example.test',
        displayName: 'User 0',
        role: 'TRADER',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    });
  });

  it('returns null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await graphqlRequest(
      subgraph.url,
      'query { user(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(unknown.data).toEqual({ user: null });
    const malformed = await graphqlRequest(subgraph.url, 'query { user(id: "not-a-uuid") { id } }');
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  it('walks every page of users exactly once, oldest first', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const response: Awaited<
        ReturnType<
          typeof graphqlRequest<{
            users: {
              edges: { node: { id: string } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          }>
        >
      > = await graphqlRequest(
        subgraph.url,
        'query($after: String) { users(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      const users = response.data?.users;
      if (!users) throw new Error(JSON.stringify(response.errors));
      seen.push(...users.edges.map((edge) => edge.node.id));
      if (!users.pageInfo.hasNextPage) break;
      after = users.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
  });

  it('rejects an out-of-range page size and a forged cursor', async () => {
    const tooMany = await graphqlRequest(subgraph.url, 'query { users(first: 1000) { edges { cursor } } }');
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    const forged = await graphqlRequest(
      subgraph.url,
      'query { users(after: "garbage") { edges { cursor } } }',
    );
    expect(errorCodes(forged)).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves entity references for the gateway in one batch', async () => {
    const response = await graphqlRequest(
      subgraph.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id displayName } } }',
      {
        r: [
          { __typename: 'User', id: ids[2] },
          { __typename: 'User', id: '00000000-0000-4000-8000-000000000000' },
          { __typename: 'User', id: ids[1] },
        ],
      },
    );
    expect(response.data).toEqual({
      _entities: [{ id: ids[2], displayName: 'User 2' }, null, { id: ids[1], displayName: 'User 1' }],
    });
  });

  it('serves /health and /metrics beside /graphql', async () => {
    const health = await fetch(new URL('/health', subgraph.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      service: 'users',
      status: 'ok',
      checks: { database: { ok: true } },
    });
    const metrics = await (await fetch(new URL('/metrics', subgraph.url))).text();
    expect(metrics).toContain('graphql_requests_total');
  });
});
