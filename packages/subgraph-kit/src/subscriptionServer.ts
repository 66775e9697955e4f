import type { Server } from 'node:http';
import { Repeater } from '@repeaterjs/repeater';
import {
  GraphQLError,
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { CallerTokenError, type Caller, type CallerTokens } from '@mib/auth';

/**
 * graphql-ws on the subgraph's `/graphql`, for the gateway's federated subscriptions: the gateway
 * subscribes the subgraph-owned part of each operation here and completes the rest itself. The
 * gateway's signed caller token arrives in each subscribe message's `extensions.identity`; a
 * subscription without a valid one gets an UNAUTHENTICATED error and never starts.
 */
export function serveSubscriptions<Context>(
  httpServer: Server,
  schema: GraphQLSchema,
  createContext: (caller: Caller) => Context | Promise<Context>,
  callerTokens: CallerTokens,
): { close(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const callerOfContext = new WeakMap<object, Caller>();
  // Per connection (the id is the client's and unique only within its socket).
  const callersOfConnection = new WeakMap<object, Map<string, Caller>>();
  const callersOf = (ctx: object) => {
    let callers = callersOfConnection.get(ctx);
    if (!callers) callersOfConnection.set(ctx, (callers = new Map<string, Caller>()));
    return callers;
  };
  const disposable = useServer(
    {
      schema,
      onSubscribe: (ctx, id, payload) => {
        try {
          callersOf(ctx).set(id, callerTokens.verify(payload.extensions?.['identity']));
          return undefined;
        } catch (error) {
          if (!(error instanceof CallerTokenError)) throw error;
          return [
            new GraphQLError(`Only the gateway may subscribe here (its caller token is ${error.reason})`, {
              extensions: { code: 'UNAUTHENTICATED' },
            }),
          ];
        }
      },
      onComplete: (ctx, id) => {
        callersOf(ctx).delete(id);
      },
      context: async (ctx, id) => {
        const caller = callersOf(ctx).get(id);
        if (!caller) throw new Error(`subscription ${id} has no verified caller`);
        const context = await createContext(caller);
        callerOfContext.set(context as object, caller);
        return context as Record<string, unknown>;
      },
      subscribe: (args) =>
        subscribeWithFreshContexts(args, () => {
          const caller = callerOfContext.get(args.contextValue as object);
          if (!caller) throw new Error('a subscription context lost its caller');
          return createContext(caller);
        }),
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
