/**
 * graphql-ws straight to the subgraph, as the gateway's federated subscriptions connect to it:
 * the caller travels in the subscribe message's `extensions.identity`. Every wait has a timeout,
 * so a missing event fails the test instead of hanging it.
 */
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export type LiveResult = FormattedExecutionResult<Record<string, unknown>, unknown>;

export interface LiveSubscription {
  /** The next result, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<LiveResult>;
  close(): Promise<void>;
}

/** One client per test file; `dispose()` closes its socket. */
export const connectSubgraph = (httpUrl: string): Client =>
  createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
  });

export function subscribeAs(client: Client, userId: string | null, query: string): LiveSubscription {
  const results = client.iterate<Record<string, unknown>, unknown>({
    query,
    ...(userId === null ? {} : { extensions: { identity: { userId } } }),
  });
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
