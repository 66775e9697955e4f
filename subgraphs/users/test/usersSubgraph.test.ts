import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@mib/db';
import {
  TEST_ADMIN,
  adminRequest,
  errorCodes,
  graphqlRequest,
  startSubgraphFixture,
  subgraphRequest,
  testIdentity,
  walkConnection,
  type ConnectionPage,
  type SubgraphFixture,
} from '@mib/subgraph-kit/testing';
import { usersSubgraph } from '../src/index.js';

/** The seeded users' ids, oldest first. */
const ids: string[] = [];

/** Five users, created a minute apart. */
async function seedUsers(prisma: PrismaClient): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const user = await prisma.user.create({
      data: {
        email: `user${i}@example.test`,
        displayName: `User ${i}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      },
    });
    ids.push(user.id);
  }
}

let fixture: SubgraphFixture<void>;
beforeAll(async () => {
  fixture = await startSubgraphFixture(usersSubgraph, { seed: seedUsers });
});
afterAll(() => fixture[Symbol.asyncDispose]());

describe('users subgraph', () => {
  it('returns a user by id with its fields', async () => {
    const response = await adminRequest(
      fixture.url,
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
    const unknown = await adminRequest(
      fixture.url,
      'query { user(id: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(unknown.data).toEqual({ user: null });
    const malformed = await adminRequest(fixture.url, 'query { user(id: "not-a-uuid") { id } }');
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  it('walks every page of users exactly once, oldest first', async () => {
    const pages = await walkConnection(
      (after) =>
        adminRequest<{ users: ConnectionPage<{ id: string }> }>(
          fixture.url,
          'query($after: String) { users(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
          { after },
        ),
      (data) => data.users,
      10,
    );
    const seen = pages.flat().map((user) => user.id);
    expect(seen).toEqual(ids);
  });

  it('rejects an out-of-range page size and a forged cursor', async () => {
    const tooMany = await adminRequest(fixture.url, 'query { users(first: 1000) { edges { cursor } } }');
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    const forged = await adminRequest(fixture.url, 'query { users(after: "garbage") { edges { cursor } } }');
    expect(errorCodes(forged)).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves entity references for the gateway in one batch', async () => {
    const response = await adminRequest(
      fixture.url,
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

  it('lets only admins list users', async () => {
    const asTrader = await subgraphRequest(
      fixture.url,
      'query { users { edges { cursor } } }',
      {},
      testIdentity(ids[0]!),
    );
    expect(errorCodes(asTrader)).toEqual(['FORBIDDEN']);
    const anonymous = await subgraphRequest(fixture.url, 'query { users { edges { cursor } } }');
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('shows a user’s email to that user and admins only; displayName to anyone signed in', async () => {
    const query = 'query($id: ID!) { user(id: $id) { displayName email } }';
    const own = await subgraphRequest(fixture.url, query, { id: ids[1] }, testIdentity(ids[1]!));
    expect(own.data).toEqual({ user: { displayName: 'User 1', email: 'user1@example.test' } });
    const other = await subgraphRequest(fixture.url, query, { id: ids[1] }, testIdentity(ids[2]!, 'analyst'));
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    const names = await subgraphRequest(
      fixture.url,
      'query($id: ID!) { user(id: $id) { displayName } }',
      { id: ids[1] },
      testIdentity(ids[2]!, 'analyst'),
    );
    expect(names.data).toEqual({ user: { displayName: 'User 1' } });
  });

  it('answers me with the signed-in user, and UNAUTHENTICATED to anonymous callers', async () => {
    const me = await subgraphRequest(fixture.url, 'query { me { id email } }', {}, testIdentity(ids[3]!));
    expect(me.data).toEqual({ me: { id: ids[3], email: 'user3@example.test' } });
    expect(errorCodes(await subgraphRequest(fixture.url, 'query { me { id } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const ghost = await subgraphRequest(fixture.url, 'query { me { id } }', {}, TEST_ADMIN);
    expect(errorCodes(ghost)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses requests without the gateway’s caller token', async () => {
    const response = await graphqlRequest(fixture.url, 'query { me { id } }');
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('serves /health and /metrics beside /graphql', async () => {
    const health = await fetch(new URL('/health', fixture.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      service: 'users',
      status: 'ok',
      checks: { database: { ok: true } },
    });
    const metrics = await (await fetch(new URL('/metrics', fixture.url))).text();
    expect(metrics).toContain('graphql_requests_total');
  });
});
