import type { Server } from 'node:http';
import { Repeater } from '@repeaterjs/repeater';
import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { parseIdentity, type Identity } from '@mib/auth';

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
  const identityOfContext = new WeakMap<object, Identity | null>();
  const disposable = useServer(
    {
      schema,
      context: async (_ctx, _id, payload) => {
        const identity = parseIdentity(payload.extensions?.['identity']);
        const context = await createContext(identity);
        identityOfContext.set(context as object, identity);
        return context as Record<string, unknown>;
      },
      subscribe: (args) =>
        subscribeWithFreshContexts(args, () =>
          createContext(identityOfContext.get(args.contextValue as object) ?? null),
        ),
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

/**
 * GraphQL's `subscribe`, except that every event is executed with a context of its own. The
 * standard one reuses the subscription's context for every event, so per-request DataLoaders
 * would keep serving what they cached for the first event.
 */
async function subscribeWithFreshContexts(
  args: ExecutionArgs,
  freshContext: () => unknown,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const events = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in events)) return events;
  const iterator = events[Symbol.asyncIterator]();
  return new Repeater<ExecutionResult>(async (push, stop) => {
    void stop.then(() => iterator.return?.());
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const payload: unknown = next.value;
        await push(await execute({ ...args, rootValue: payload, contextValue: await freshContext() }));
      }
      stop();
    } catch (error) {
      stop(error);
    }
  });
}
