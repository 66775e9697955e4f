import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { FixedBuffer, Repeater } from '@repeaterjs/repeater';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { IDENTITY_HEADER, type Caller, type Identity, type Role } from '@mib/auth';
import { testCallerTokens, testIdentity } from '@mib/auth/testing';
import { silentLogger } from '@mib/telemetry';
import { FederatedSubscriptions } from '../../src/subscriptions/federatedSubscriptions.js';
import { SubgraphSockets } from '../../src/subscriptions/subgraphSockets.js';
import { useGraphQLWs, type GraphQLWsOptions } from '../../src/subscriptions/useGraphQLWs.js';
import { startToySubgraphs, type ToyPlatform } from './toySubgraphs.js';

/** The bearer token the fixture's `authenticateConnection` accepts for `userId`. */
export const testToken = (userId: string): string => `test:${userId}`;

/** Users whose test tokens no longer hold (as if logged out), and users nobody can check now. */
export const revokedTestUsers = new Set<string>();
export const uncheckableTestUsers = new Set<string>();
/** Roles of test users other than trader, changeable while their connections live (a demotion). */
export const testUserRoles = new Map<string, Role>();

/** Why a test connection cannot be checked (not a verdict on its credentials). */
export class CheckUnavailable extends Error {}

/** Accepts `authorization: "Bearer test:<userId>"` in `connection_init`; refuses anything else. */
export async function authenticateTestConnection(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
): Promise<Identity> {
  const authorization = connectionParams?.['authorization'];
  const match = typeof authorization === 'string' ? /^Bearer test:(.+)$/.exec(authorization) : null;
  if (!match?.[1] || revokedTestUsers.has(match[1])) throw new Error('missing or invalid token');
  if (uncheckableTestUsers.has(match[1])) throw new CheckUnavailable('users subgraph unreachable');
  return testIdentity(match[1], testUserRoles.get(match[1]));
}

/** Entity fetches vouch for the subscriber with a test caller token, as the gateway's do. */
class TestCallerDataSource extends RemoteGraphQLDataSource {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions): void {
    const caller = (context as { caller?: Caller } | undefined)?.caller ?? { identity: null, clientIp: null };
    request.http?.headers.set(IDENTITY_HEADER, testCallerTokens.sign(caller));
  }
}

export type ServerKind = 'gateway' | 'graphql-ws';

export interface SubscriptionServerFixture extends AsyncDisposable {
  readonly url: string;
  readonly toys: ToyPlatform;
  readonly subscriptions: FederatedSubscriptions;
  /** Queries and mutations the server handed to `executeOperation`, in order. */
  readonly executed: { args: ExecutionArgs; caller: Caller }[];
  stop(): Promise<void>;
}

export type FixtureOptions = Partial<
  Pick<
    GraphQLWsOptions,
    | 'maxSubscriptionsPerConnection'
    | 'connectionInitWaitTimeoutMs'
    | 'maxBufferedBytes'
    | 'reauthenticateMs'
    | 'isCredentialError'
    | 'admitConnection'
  >
>;

/**
 * The gateway's subscription stack on an HTTP server of its own (port 0) over the toy subgraphs:
 * `FederatedSubscriptions` behind our server (`gateway`) or behind graphql-ws's `useServer`
 * (`graphql-ws`, the former transport, kept as the benchmark's baseline). Queries over the socket
 * are answered by a stub that records them.
 */
export async function startSubscriptionServer(
  kind: ServerKind = 'gateway',
  options: FixtureOptions = {},
): Promise<SubscriptionServerFixture> {
  const toys = await startToySubgraphs();
  const logger = silentLogger();
  const sockets = new SubgraphSockets((name) => {
    const url = toys.urls[name];
    if (!url) throw new Error(`no toy subgraph ${name}`);
    return url;
  });
  const serviceMap = Object.fromEntries(
    Object.entries(toys.urls).map(([name, url]) => [name, new TestCallerDataSource({ url })]),
  );
  const subscriptions = new FederatedSubscriptions(toys.supergraphSdl, {
    serviceMap,
    sockets,
    logger,
    signCaller: (caller) => testCallerTokens.sign(caller),
  });
  const executed: { args: ExecutionArgs; caller: Caller }[] = [];
  const executeOperation = (args: ExecutionArgs, caller: Caller): Promise<ExecutionResult> => {
    executed.push({ args, caller });
    return Promise.resolve({ data: { echo: args.operationName ?? null } });
  };
  const httpServer = createServer();
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const server =
    kind === 'gateway'
      ? useGraphQLWs(httpServer, {
          path: '/graphql',
          subscriptions,
          executeOperation,
          authenticateConnection: authenticateTestConnection,
          maxSubscriptionsPerConnection: options.maxSubscriptionsPerConnection ?? 10,
          ...options,
          logger,
        })
      : useGraphQLWsBaseline(httpServer, subscriptions);
  const { port } = httpServer.address() as AddressInfo;
  const stop = async () => {
    await server.close();
    await sockets.close();
    httpServer.closeAllConnections();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await toys.stop();
  };
  return {
    url: `ws://127.0.0.1:${port}/graphql`,
    toys,
    subscriptions,
    executed,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

/**
 * graphql-ws's `useServer` over the same `FederatedSubscriptions`: each subscriber gets its own
 * async iterator, and graphql-ws serialises every event once per subscriber.
 */
function useGraphQLWsBaseline(
  httpServer: ReturnType<typeof createServer>,
  subscriptions: FederatedSubscriptions,
): { close(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const callers = new WeakMap<object, Caller>();
  const disposable = useServer(
    {
      schema: subscriptions.schema,
      onConnect: async (ctx) => {
        try {
          const identity = await authenticateTestConnection(ctx.connectionParams);
          callers.set(ctx, { identity, clientIp: ctx.extra.request.socket.remoteAddress ?? null });
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => ({ caller: callers.get(ctx) }),
      subscribe: (args) =>
        new Repeater<ExecutionResult>(async (push, stop) => {
          const unsubscribe = subscriptions.subscribe(
            {
              document: args.document,
              operationName: args.operationName ?? undefined,
              variables: args.variableValues ?? {},
              caller: (args.contextValue as { caller: Caller }).caller,
            },
            { next: (event) => void push(event.result).catch(stop), complete: (error) => stop(error) },
          );
          await stop;
          unsubscribe();
          // As the former SubscriptionHub did: a client may fall 1,000 events behind.
        }, new FixedBuffer(1_000)),
      execute: () => Promise.resolve({ data: null }),
    },
    wsServer,
  );
  return {
    close: async () => {
      await disposable.dispose();
    },
  };
}
