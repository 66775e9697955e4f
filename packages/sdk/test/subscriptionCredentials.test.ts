import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { MibClient, MibConnectionClosedError, type SessionTokens } from '../src/index.js';

/**
 * The client's side of a subscription whose credentials stop holding. A graphql-ws server stands
 * in for the gateway's WebSocket (only the handshake matters here): it admits the tokens in
 * `accepted`, and closes with 4403, as the gateway's periodic check does, a connection whose token
 * it stops accepting. The refresh answers the client's `Refresh` as the gateway would.
 */
const ticks = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      tick: {
        type: GraphQLInt,
        subscribe: async function* () {
          for (let tick = 1; ; tick++) {
            yield { tick };
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        },
      },
    },
  }),
});
const TickDocument = parse('subscription { tick }') as TypedDocumentNode<
  { tick: number },
  Record<string, never>
>;

const accepted = new Set<string>();
const servers: WebSocketServer[] = [];

afterEach(async () => {
  accepted.clear();
  for (const server of servers.splice(0)) {
    for (const socket of server.clients) socket.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function gatewayStandIn(): Promise<{ url: string; closeConnectionsOf: (token: string) => void }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1', path: '/graphql' });
  servers.push(server);
  const tokenOfSocket = new Map<object, string>();
  useServer(
    {
      schema: ticks,
      onConnect: (context) => {
        const authorization = context.connectionParams?.['authorization'];
        const token = typeof authorization === 'string' ? authorization.replace(/^Bearer /, '') : '';
        tokenOfSocket.set(context.extra.socket, token);
        return accepted.has(token);
      },
    },
    server,
  );
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    closeConnectionsOf: (token) => {
      accepted.delete(token);
      for (const [socket, used] of tokenOfSocket)
        if (used === token) (socket as WebSocket).close(4403, 'Forbidden: the credentials no longer hold');
    },
  };
}

let issued = 0;
function tokens(): SessionTokens {
  issued++;
  return {
    accessToken: `access-${issued}`,
    // Far from expiry by the client's clock: only the server's refusal can make it refresh.
    accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    refreshToken: `refresh-${issued}`,
    refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    user: { id: 'u-1', displayName: 'Tester', role: 'TRADER' },
  };
}

/** Answers `Refresh` with a new pair (accepted by the stand-in), or refuses it. */
function refreshing(refuse = false): { fetch: typeof fetch; refreshes: string[] } {
  const refreshes: string[] = [];
  const fetchImpl = (async (_url: unknown, init?: RequestInit) => {
    const { variables } = JSON.parse(init?.body as string) as { variables: { refreshToken: string } };
    refreshes.push(variables.refreshToken);
    if (refuse)
      return Response.json(
        { errors: [{ message: 'the session has ended', extensions: { code: 'UNAUTHENTICATED' } }] },
        { status: 401 },
      );
    const renewed = tokens();
    accepted.add(renewed.accessToken);
    return Response.json({ data: { refresh: renewed } });
  }) as typeof fetch;
  return { fetch: fetchImpl, refreshes };
}

describe('MibClient subscriptions when the credentials stop holding', () => {
  it('reconnects with a refreshed token after the gateway refuses the one it had, and goes on', async () => {
    const gateway = await gatewayStandIn();
    const session = tokens();
    accepted.add(session.accessToken);
    const { fetch, refreshes } = refreshing();
    const client = new MibClient({ url: gateway.url, session, fetch, webSocketImpl: WebSocket });
    const stream = client.subscribe(TickDocument);
    expect((await stream.next()).value).toEqual({ tick: 1 });

    gateway.closeConnectionsOf(session.accessToken);
    // The subscription starts again on the new connection: its ticks count from 1 again.
    for (;;) {
      const next = await stream.next();
      if (next.done) throw new Error('the subscription ended');
      if (next.value.tick === 1) break;
    }
    expect(refreshes).toEqual([session.refreshToken]);
    expect(client.session?.accessToken).not.toBe(session.accessToken);
    await stream.return?.();
    await client.dispose();
  });

  it('ends the subscription with MibConnectionClosedError when the session cannot be refreshed', async () => {
    const gateway = await gatewayStandIn();
    const session = tokens();
    accepted.add(session.accessToken);
    const { fetch, refreshes } = refreshing(true);
    const client = new MibClient({ url: gateway.url, session, fetch, webSocketImpl: WebSocket });
    const stream = client.subscribe(TickDocument);
    await stream.next();

    gateway.closeConnectionsOf(session.accessToken);
    const ended = (async () => {
      for (;;) await stream.next();
    })();
    await expect(ended).rejects.toBeInstanceOf(MibConnectionClosedError);
    await expect(ended).rejects.toMatchObject({ closeCode: 4403 });
    expect(refreshes).toEqual([session.refreshToken]);
    expect(client.session).toBeNull();
    await client.dispose();
  });
});
