import { MAX_QUEUE_LENGTH, Repeater } from '@repeaterjs/repeater';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** The subgraph ended a subscription with GraphQL errors (a graphql-ws `error` message). */
export class SubgraphErrors extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors.map((error) => error.message).join('; '));
  }
}

/**
 * One graphql-ws connection per subgraph, shared by every subscription the gateway forwards to
 * it: graphql-ws multiplexes operations over a socket, so 10,000 client subscriptions cost one
 * upstream connection, not 10,000. Connections open lazily and reconnect with back-off.
 */
export class SubgraphSockets {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly urlOf: (serviceName: string) => string) {}

  /** Subscribes `operation` on the subgraph; the iterator ends when the subgraph completes it. */
  subscribe(
    serviceName: string,
    operation: { query: string; variables: Record<string, unknown>; extensions?: Record<string, unknown> },
  ): AsyncIterableIterator<ExecutionResult> {
    const client = this.client(serviceName);
    return new Repeater<ExecutionResult>(async (push, stop) => {
      const unsubscribe = client.subscribe(operation, {
        next: (result) => {
          // Events wait here while earlier ones are completed; past the queue's limit push throws,
          // and a throw out of this callback would make graphql-ws close the socket that every
          // subscription to this subgraph shares. The stream that fell behind ends alone instead.
          try {
            void push(result as ExecutionResult);
          } catch {
            void stop(new Error(`a subscription to ${serviceName} fell ${MAX_QUEUE_LENGTH} events behind`));
          }
        },
        error: (error) => stop(failureOf(error)),
        complete: () => stop(),
      });
      await stop;
      unsubscribe();
    });
  }

  async close(): Promise<void> {
    // graphql-ws rejects with the close event of a connection that had closed already (the last
    // subscription gone, or the subgraph stopped first): there is nothing left to close then.
    await Promise.all(
      [...this.clients.values()].map(async (client) =>
        Promise.resolve(client.dispose()).catch(() => undefined),
      ),
    );
    this.clients.clear();
  }

  private client(serviceName: string): Client {
    let client = this.clients.get(serviceName);
    if (!client) {
      client = createClient({
        url: this.urlOf(serviceName).replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        lazy: true,
        // Keep the socket while idle briefly, so a resubscribe does not reconnect.
        lazyCloseTimeout: 5_000,
        retryAttempts: 5,
      });
      this.clients.set(serviceName, client);
    }
    return client;
  }
}

/** graphql-ws reports GraphQL failures as error arrays and socket closes as CloseEvents. */
function failureOf(error: unknown): Error {
  if (Array.isArray(error)) return new SubgraphErrors(error as GraphQLFormattedError[]);
  if (error instanceof Error) return error;
  if (error && typeof error === 'object' && 'code' in error) {
    const { code, reason } = error as { code: number; reason?: string };
    return new Error(`subgraph socket closed (${code}${reason ? `: ${reason}` : ''})`);
  }
  return new Error(String(error));
}
