import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { persistedQueryExtensions } from '../persistedDocuments.js';
import { MibApiError } from './apiErrors.js';

interface GraphQLResponseBody {
  readonly data?: unknown;
  readonly errors?: readonly GraphQLFormattedError[];
}

/**
 * Runs a generated document over HTTP by its hash alone, as every mode of the gateway accepts
 * (production runs nothing else). A gateway that does not know the hash (one not given this
 * SDK's manifest) is asked again with the text, which outside enforce mode it caches.
 * Resolves to the result's data; rejects with `MibApiError` when the result has errors.
 */
export async function postOperation<Result, Variables>(
  fetchImpl: typeof fetch,
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables | undefined,
  headers: Readonly<Record<string, string>>,
): Promise<Result> {
  const byHash = { variables, extensions: persistedQueryExtensions(document) };
  try {
    return await post(fetchImpl, url, byHash, headers);
  } catch (error) {
    if (!(error instanceof MibApiError) || error.code !== 'PERSISTED_QUERY_NOT_FOUND') throw error;
    return post(fetchImpl, url, { ...byHash, query: print(document) }, headers);
  }
}

async function post<Result>(
  fetchImpl: typeof fetch,
  url: string,
  body: object,
  headers: Readonly<Record<string, string>>,
): Promise<Result> {
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const result = await bodyOf(response);
  if (result.errors?.length || result.data === undefined || result.data === null)
    throw new MibApiError(result.errors ?? [], response.status, result.data, retryAfterOf(response));
  return result.data as Result;
}

async function bodyOf(response: Response): Promise<GraphQLResponseBody> {
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponseBody;
  } catch {
    // Not the gateway speaking (a proxy's error page): say what came back.
    throw new Error(
      `the gateway answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`,
    );
  }
}

function retryAfterOf(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after') ?? Number.NaN);
  return Number.isFinite(seconds) ? seconds : undefined;
}
