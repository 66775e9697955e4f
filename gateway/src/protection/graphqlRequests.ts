import { parse as parseUrl } from 'node:url';
import type { Request } from 'express';

/** One GraphQL request inside an HTTP request, as the protections before Apollo see it. */
export interface CarriedGraphQLRequest {
  /** The document text, when the client sent one. */
  readonly query: string | undefined;
  /** `extensions.persistedQuery.sha256Hash`, when present. */
  readonly persistedHash: string | undefined;
  /** Supplies the document text (of a registered persisted document) for Apollo to run. */
  setQuery(query: string): void;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hashIn = (extensions: unknown): string | undefined => {
  const persisted = isRecord(extensions) ? extensions['persistedQuery'] : undefined;
  const hash = isRecord(persisted) ? persisted['sha256Hash'] : undefined;
  return typeof hash === 'string' ? hash : undefined;
};

const parseJson = (text: string | null): unknown => {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * The GraphQL requests of an HTTP request: the JSON body of a POST (one, or each of a batch) or
 * the `query` and `extensions` parameters of a GET, which Apollo's Express integration reads
 * from `req.url`. Anything else yields none and is left for Apollo to refuse.
 */
export function graphqlRequestsOf(req: Request): CarriedGraphQLRequest[] {
  if (req.method === 'GET') {
    const { pathname, search } = parseUrl(req.url);
    const params = new URLSearchParams(search ?? '');
    return [
      {
        query: params.get('query') ?? undefined,
        persistedHash: hashIn(parseJson(params.get('extensions'))),
        setQuery: (query) => {
          params.set('query', query);
          req.url = `${pathname ?? ''}?${params.toString()}`;
        },
      },
    ];
  }
  const body: unknown = req.body;
  const items = Array.isArray(body) ? (body as unknown[]) : [body];
  return items.filter(isRecord).map((item) => ({
    query: typeof item['query'] === 'string' ? item['query'] : undefined,
    persistedHash: hashIn(item['extensions']),
    setQuery: (query) => {
      item['query'] = query;
    },
  }));
}
