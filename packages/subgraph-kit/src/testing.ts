/**
 * Test helpers shared by subgraph and gateway tests: a GraphQL-over-HTTP client as a front end
 * would send it, who may see which entities, and disposable running subgraphs on free ports.
 */
import { randomUUID } from 'node:crypto';
import type { Identity } from '@mib/auth';
import { callerHeaders, testIdentity } from '@mib/auth/testing';

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

/** The callers an ownership test compares: another user, the owner, an admin, nobody. */
export type Caller = 'stranger' | 'owner' | 'admin' | 'anonymous';

/**
 * What one caller got from an `_entities` request, in one word where every entity went the same
 * way: `'served'` (each entity resolved, no errors) or an error code (each entity null, with one
 * error of that code each). Anything else is the error codes and entities as they came.
 */
export type EntityAccess =
  string | { readonly codes: unknown[]; readonly entities: readonly unknown[] | null | undefined };

/** Owned data: served to its owner and to admins, refused to other users and to anonymous callers. */
export const OWNER_AND_ADMINS_ONLY: Readonly<Record<Caller, EntityAccess>> = {
  stranger: 'FORBIDDEN',
  owner: 'served',
  admin: 'served',
  anonymous: 'UNAUTHENTICATED',
};

/**
 * The same `_entities` request (`query` takes the representations as `$r`) as a stranger, the
 * owner (`ownerId`), an admin and an anonymous caller: what ownership tests of entity references
 * compare, typically with `OWNER_AND_ADMINS_ONLY`.
 */
export async function entityAccessByCaller(
  url: string,
  query: string,
  representations: readonly Record<string, unknown>[],
  ownerId: string,
): Promise<Record<Caller, EntityAccess>> {
  const access = async (identity: Identity | null): Promise<EntityAccess> => {
    const response = await subgraphRequest<{ _entities: unknown[] }>(
      url,
      query,
      { r: representations },
      identity,
    );
    return entityAccessOf(errorCodes(response), response.data?._entities, representations.length);
  };
  return {
    stranger: await access(testIdentity(randomUUID())),
    owner: await access(testIdentity(ownerId)),
    admin: await access(testIdentity(randomUUID(), 'admin')),
    anonymous: await access(null),
  };
}

/** `'served'`, the one code every entity was refused with, or the answer as it came. */
function entityAccessOf(
  codes: unknown[],
  entities: readonly unknown[] | null | undefined,
  count: number,
): EntityAccess {
  const all = (test: (entity: unknown) => boolean) => entities?.length === count && entities.every(test);
  if (codes.length === 0 && all((entity) => entity !== null)) return 'served';
  const [code] = codes;
  const oneCodeEach =
    typeof code === 'string' && codes.length === count && codes.every((other) => other === code);
  if (oneCodeEach && all((entity) => entity === null)) return code;
  return { codes, entities };
}

export { testIdentity, callerHeaders, testCallerTokens } from '@mib/auth/testing';
export {
  connectSubgraph,
  liveErrorCodes,
  subscribeAs,
  type LiveResult,
  type LiveSubscription,
} from './liveTestClient.js';
export {
  startSubgraphFixture,
  startSubgraphForTest,
  type SubgraphFixture,
  type SubgraphFixtureOptions,
} from './subgraphFixture.js';
export { walkConnection, type ConnectionPage } from './connectionPages.js';
