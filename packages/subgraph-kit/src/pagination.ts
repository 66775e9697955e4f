import { badUserInput } from '@mib/errors';

/** Relay-style connection arguments as every list field in the supergraph takes them. */
export interface ConnectionArguments {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
}

/** What a Prisma `findMany` needs to fetch one page plus one row that tells if there is more. */
export interface PageQuery {
  readonly take: number;
  readonly skip?: 1;
  readonly cursor?: { id: string };
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cursors are opaque to clients: the row id, base64url-encoded. */
export const encodeCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID_PATTERN.test(id)) throw badUserInput('`after` is not a cursor returned by this API', 'after');
  return id;
}

/** Validates `first`/`after` and turns them into a keyset page query on `id`. */
export function pageQuery(args: ConnectionArguments): PageQuery {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw badUserInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  const take = first + 1;
  return args.after ? { take, skip: 1, cursor: { id: decodeCursor(args.after) } } : { take };
}

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Builds the connection from rows fetched with `pageQuery` (one more than the page size). */
export function toConnection<Node extends { id: string }>(
  rows: readonly Node[],
  page: PageQuery,
): Connection<Node> {
  const pageRows = rows.slice(0, page.take - 1);
  const edges = pageRows.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > pageRows.length, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** Whether `value` has the form of the platform's ids (UUIDs). */
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

/**
 * Validates an id argument before it reaches the database (a malformed UUID is bad input, not
 * "not found") and returns it in PostgreSQL's lowercase form, the form every row comes back in:
 * loaders match rows to keys by string, so `ABC…` must be asked for as `abc…`.
 */
export function parseId(id: string, argument = 'id'): string {
  if (!isUuid(id)) throw badUserInput(`\`${argument}\` must be a UUID`, argument);
  return id.toLowerCase();
}
