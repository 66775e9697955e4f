import type { Server } from 'node:http';
import { GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { authenticateBearer, type Identity } from '@mib/auth';
import { ErrorCode } from '@mib/errors';
import type { Logger } from '@mib/telemetry';
import type { FederatedSubscriptions } from './federatedSubscriptions.js';

export interface GraphQLWsOptions {
  readonly path: string;
  readonly subscriptions: FederatedSubscriptions;
  /** Runs queries and mutations sent over the socket through the gateway's HTTP pipeline. */
  readonly executeOperation: (args: ExecutionArgs, identity: Identity | null) => Promise<ExecutionResult>;
  /** Most subscriptions one connection may hold at once. */
  readonly maxSubscriptionsPerConnection: number;
  readonly logger: Logger;
}

/** One WebSocket connection, as graphql-ws hands it to each hook. */
type ConnectionContext = object;

/** The caller named in `connection_init` (`authorization: "Bearer …"`), as over HTTP. */
function identityOf(connectionParams: Readonly<Record<string, unknown>> | undefined): Identity | null {
  const authorization = connectionParams?.['authorization'];
  return authenticateBearer(typeof authorization === 'string' ? authorization : undefined);
}

const identityIn = (contextValue: unknown): Identity | null =>
  (contextValue as { identity: Identity | null }).identity;

/**
 * graphql-ws (the `graphql-transport-ws` protocol) on the gateway's HTTP server: subscriptions go
 * to the federated executor, queries and mutations to the same pipeline as HTTP.
 */
export function useGraphQLWs(httpServer: Server, options: GraphQLWsOptions): { close(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: httpServer, path: options.path });
  const activeSubscriptions = new WeakMap<ConnectionContext, Set<string>>();
  const disposable = useServer(
    {
      schema: options.subscriptions.schema,
      context: (ctx) => ({ identity: identityOf(ctx.connectionParams) }),
      onConnect: (ctx) => {
        activeSubscriptions.set(ctx, new Set());
        return true;
      },
      onSubscribe: (ctx, id) => {
        const active = activeSubscriptions.get(ctx);
        if (active && active.size >= options.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(
              `At most ${options.maxSubscriptionsPerConnection} subscriptions per connection`,
              {
                extensions: { code: ErrorCode.RATE_LIMITED },
              },
            ),
          ];
        }
        active?.add(id);
        return undefined;
      },
      onComplete: (ctx, id) => {
        activeSubscriptions.get(ctx)?.delete(id);
      },
      subscribe: (args) =>
        options.subscriptions.subscribe({
          document: args.document,
          operationName: args.operationName ?? undefined,
          variables: args.variableValues ?? {},
          identity: identityIn(args.contextValue),
        }),
      execute: (args) => options.executeOperation(args, identityIn(args.contextValue)),
    },
    wsServer,
  );
  return {
    close: async () => {
      await disposable.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
