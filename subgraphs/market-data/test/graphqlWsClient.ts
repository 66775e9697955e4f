/**
 * graphql-ws straight to the subgraph, as the gateway's federated subscriptions connect to it.
 * Every wait has a timeout, so a missing event fails the test instead of hanging it.
 */
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export type SubscriptionResult = FormattedExecutionResult<Record<string, unknown>, Record<string, unknown>>;

export interface Subscriber {
  /** The next result, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<SubscriptionResult>;
  close(): Promise<void>;
}

/** One client per test file; `dispose()` closes its socket. */
export function connectSubgraph(wsUrl: string): Client {
  return createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
}

export function subscribe(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Subscriber {
  const results = client.iterate<Record<string, unknown>, Record<string, unknown>>({ query, variables });
  return {
    next: async (timeoutMs = 5_000) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no subscription result within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        const result = await Promise.race([results.next(), timeout]);
        if (result.done === true) throw new Error('the subscription completed');
        return result.value;
      } finally {
        clearTimeout(timer);
      }
    },
    close: async () => {
      await results.return?.();
    },
  };
}

/** The `extensions.code` of each error of a result. */
export const errorCodesOf = (result: SubscriptionResult): unknown[] =>
  (result.errors ?? []).map((error) => error.extensions?.['code']);
