/**
 * Test helpers shared by subgraph and gateway tests: a GraphQL-over-HTTP client as a front end
 * would send it, and a disposable running subgraph on a free port.
 */
import { randomUUID } from 'node:crypto';
import type { Identity } from '@mib/auth';
import { callerHeaders, testCallerTokens, testIdentity } from '@mib/auth/testing';
import type { PrismaClient } from '@mib/db';
import { silentLogger } from '@mib/telemetry';
import type { DatabaseSubgraph } from './databaseSubgraph.js';
import type { PlatformServices } from './platformServices.js';
import type { RunningService } from './startSubgraph.js';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly status: number;
  readonly data?: Data | null;
  readonly errors?: readonly {
    message: string;
    path?: readonly (string | number)[];
    extensions?: Record<string, unknown>;
  }[];
}

/** POSTs one operation the way a client does and returns the HTTP status with the body. */
export async function graphqlRequest<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}

/**
 * An operation sent straight to a subgraph as the gateway sends it: signed with the test caller
 * tokens, for `identity` (null: anonymous).
 */
export const subgraphRequest = <Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  identity: Identity | null = null,
): Promise<GraphQLResponse<Data>> => graphqlRequest<Data>(url, query, variables, callerHeaders(identity));

/** An admin, who may read every user's data: for tests about data rather than access. */
export const TEST_ADMIN: Identity = testIdentity('00000000-0000-4000-8000-0000000ad001', 'admin');

/** `subgraphRequest` as an admin. */
export const adminRequest = <Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<Data>> => subgraphRequest<Data>(url, query, variables, TEST_ADMIN);

/** The error codes of a response, in order; `[]` when it has none. */
export const errorCodes = (response: GraphQLResponse<unknown>): unknown[] =>
  (response.errors ?? []).map((error) => error.extensions?.['code']);

/** What one caller got from `_entities`: the error codes in order, and the entities. */
export interface EntityAnswer {
  readonly codes: unknown[];
  readonly entities: readonly unknown[] | undefined;
}

/**
 * The same `_entities` request (`query` takes the representations as `$r`) as a stranger, the
 * owner, an admin and an anonymous caller: what ownership tests of entity references compare.
 */
export async function entityAnswersByCaller(
  url: string,
  query: string,
  representations: readonly Record<string, unknown>[],
  ownerId: string,
): Promise<Record<'stranger' | 'owner' | 'admin' | 'anonymous', EntityAnswer>> {
  const answer = async (identity: Identity | null): Promise<EntityAnswer> => {
    const response = await subgraphRequest<{ _entities: unknown[] }>(
      url,
      query,
      { r: representations },
      identity,
    );
    return { codes: errorCodes(response), entities: response.data?._entities };
  };
  return {
    stranger: await answer(testIdentity(randomUUID())),
    owner: await answer(testIdentity(ownerId)),
    admin: await answer(testIdentity(randomUUID(), 'admin')),
    anonymous: await answer(null),
  };
}

/** Starts a subgraph on a free port for one test file; `await using` stops it. */
export async function startSubgraphForTest(
  subgraph: DatabaseSubgraph,
  prisma: PrismaClient,
  services?: PlatformServices,
): Promise<RunningService & AsyncDisposable> {
  const service = await subgraph.start(
    prisma,
    { port: 0, logger: silentLogger(), callerTokens: testCallerTokens },
    services,
  );
  return Object.assign(service, { [Symbol.asyncDispose]: () => service.stop() });
}

export { testIdentity, callerHeaders, testCallerTokens } from '@mib/auth/testing';
export {
  connectSubgraph,
  liveErrorCodes,
  subscribeAs,
  type LiveResult,
  type LiveSubscription,
} from './liveTestClient.js';
