import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { IDENTITY_HEADER } from '@mib/auth';
import { callerHeaders, testCallerTokens, testIdentity } from '@mib/auth/testing';
import { silentLogger } from '@mib/telemetry';
import { startSubgraph, type RunningService } from '../src/index.js';
import { connectSubgraph, errorCodes, graphqlRequest, subgraphRequest, subscribeAs } from '../src/testing.js';

const ALICE = '11111111-1111-4111-8111-111111111111';

const typeDefs = parse(/* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@authenticated", "@requiresScopes"])

  type Query {
    open: String!
    me: String! @authenticated
    orders: [String!]! @requiresScopes(scopes: [["orders:read"]])
    secret: Secret
  }

  type Secret @requiresScopes(scopes: [["admin"]]) {
    value: String!
  }

  type Subscription {
    ticks: Int! @authenticated
  }
`);

interface Context {
  readonly who: string;
}

let service: RunningService;
let writes = 0;

beforeAll(async () => {
  service = await startSubgraph<Context>(
    {
      name: 'toy',
      typeDefs,
      resolvers: {
        Query: {
          open: () => 'hello',
          me: (_: unknown, __: unknown, context: Context) => context.who,
          orders: () => {
            writes += 1;
            return ['o1'];
          },
          secret: () => ({ value: 'the vault' }),
        },
        Subscription: {
          ticks: {
            subscribe: async function* () {
              yield { ticks: 1 };
            },
          },
        },
      },
      createContext: (caller) => ({ who: caller.identity?.userId ?? 'anonymous' }),
    },
    { port: 0, logger: silentLogger(), callerTokens: testCallerTokens },
  );
});

afterAll(async () => {
  await service.stop();
});

describe('a subgraph serves only what the gateway signed', () => {
  it('refuses requests without a caller token, or with a forged one', async () => {
    const unsigned = await graphqlRequest(service.url, '{ open }');
    expect(unsigned.status).toBe(401);
    expect(errorCodes(unsigned)).toEqual(['UNAUTHENTICATED']);
    expect(unsigned.errors?.[0]?.message).toMatch(/missing/);

    const forgedToken = testCallerTokens.sign({ identity: testIdentity(ALICE, 'admin'), clientIp: null });
    const forged = await graphqlRequest(
      service.url,
      '{ open }',
      {},
      {
        [IDENTITY_HEADER]: `${forgedToken.slice(0, -4)}AAAA`,
      },
    );
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.message).toMatch(/forged/);

    const expired = testCallerTokens.sign({ identity: null, clientIp: null }, Date.now() - 120_000);
    const late = await graphqlRequest(service.url, '{ open }', {}, { [IDENTITY_HEADER]: expired });
    expect(late.errors?.[0]?.message).toMatch(/expired/);
  });

  it('serves a signed anonymous caller what needs no identity', async () => {
    const response = await subgraphRequest(service.url, '{ open }');
    expect(response.data).toEqual({ open: 'hello' });
    expect(callerHeaders(null)[IDENTITY_HEADER]).toMatch(/^v1\./);
  });
});

describe('authorization directives', () => {
  it('@authenticated refuses anonymous callers and lets signed-in ones through', async () => {
    expect(errorCodes(await subgraphRequest(service.url, '{ me }'))).toEqual(['UNAUTHENTICATED']);
    const response = await subgraphRequest(service.url, '{ me }', {}, testIdentity(ALICE, 'analyst'));
    expect(response.data).toEqual({ me: ALICE });
  });

  it('@requiresScopes on a field needs the scope, and the resolver never runs without it', async () => {
    const before = writes;
    const analyst = await subgraphRequest(service.url, '{ orders }', {}, testIdentity(ALICE, 'analyst'));
    expect(errorCodes(analyst)).toEqual(['FORBIDDEN']);
    expect(analyst.errors?.[0]?.message).toMatch(/orders:read/);
    expect(writes).toBe(before);
    const trader = await subgraphRequest(service.url, '{ orders }', {}, testIdentity(ALICE, 'trader'));
    expect(trader.data).toEqual({ orders: ['o1'] });
  });

  it('@requiresScopes on a type guards every field returning it and every field of it', async () => {
    const trader = await subgraphRequest(service.url, '{ secret { value } }', {}, testIdentity(ALICE));
    expect(errorCodes(trader)).toEqual(['FORBIDDEN']);
    const admin = await subgraphRequest(
      service.url,
      '{ secret { value } }',
      {},
      testIdentity(ALICE, 'admin'),
    );
    expect(admin.data).toEqual({ secret: { value: 'the vault' } });
  });

  it('guards subscriptions, and refuses unsigned subscribe messages', async () => {
    const client = connectSubgraph(service.url);
    try {
      const signedIn = subscribeAs(client, testIdentity(ALICE), 'subscription { ticks }');
      expect((await signedIn.next()).data).toEqual({ ticks: 1 });
      const anonymous = subscribeAs(client, null, 'subscription { ticks }');
      expect((await anonymous.next()).errors?.map((error) => error.extensions?.['code'])).toEqual([
        'UNAUTHENTICATED',
      ]);

      const unsigned = client.iterate({ query: 'subscription { ticks }' });
      await expect(unsigned.next()).rejects.toSatisfy((errors: unknown) =>
        JSON.stringify(errors).includes('caller token is missing'),
      );
    } finally {
      await client.dispose();
    }
  });
});
