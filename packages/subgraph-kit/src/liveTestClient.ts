/**
 * graphql-ws straight to the subgraph, as the gateway's federated subscriptions connect to it:
 * the gateway's signed caller token travels in the subscribe message's `extensions.identity`. Every wait has a timeout,
 * so a missing event fails the test instead of hanging it.
 */
import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { Identity } from '@mib/auth';
import { testCallerTokens } from '@mib/auth/testing';

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

/** Subscribes as `identity` (null: anonymous, still signed like the gateway's). */
export function subscribeAs(
  client: Client,
  identity: Identity | null,
  query: string,
  variables: Record<string, unknown> = {},
): LiveSubscription {
  const results = client.iterate<Record<string, unknown>, unknown>({
    query,
    variables,
    extensions: { identity: testCallerTokens.sign({ identity, clientIp: '127.0.0.1' }) },
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

/** The `extensions.code` of each error of a live result. */
export const liveErrorCodes = (result: LiveResult): unknown[] =>
  (result.errors ?? []).map((error) => error.extensions?.['code']);
