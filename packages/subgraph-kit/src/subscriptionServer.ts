import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { parseIdentity, type Identity } from '@mib/auth';
import { WebSocketServer } from 'ws';

/**
 * graphql-ws on the subgraph's `/graphql`, for the gateway's federated subscriptions: the gateway
 * subscribes the subgraph-owned part of each operation here and completes the rest itself. The
 * caller's identity arrives in the subscribe message's `extensions.identity`.
 */
export function serveSubscriptions<Context>(
  httpServer: Server,
  schema: GraphQLSchema,
  createContext: (identity: Identity | null) => Context | Promise<Context>,
): { close(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const disposable = useServer(
    {
      schema,
      context: (_ctx, _id, payload) => createContext(parseIdentity(payload.extensions?.['identity'])),
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
