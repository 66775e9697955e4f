import { badUserInput } from '@mib/errors';

/** Relay-style connection arguments as every list field in the supergraph takes them. */
export interface ConnectionArguments {
  readonly first?: number | null | undefined;
  readonly after?: string | null | undefined;
}

/** One page to fetch: its size plus one row that tells if there is more, and where it starts. */
export interface PageQuery {
  readonly take: number;
  /** The id of the row the page starts after (excluded): the `after` cursor, decoded. */
  readonly afterId?: string;
}

/** One column of a connection's order as Prisma's `orderBy` writes it, e.g. `{ createdAt: 'desc' }`. */
export type OrderColumn = Readonly<Record<string, 'asc' | 'desc'>>;

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
  return args.after ? { take, afterId: decodeCursor(args.after) } : { take };
}

/**
 * The Prisma `where` of one page of the rows `filter` selects, listed in `order` (a total order:
 * its last column unique, none nullable): `filter` itself for a first page; after a cursor,
 * `filter` and the keyset condition "strictly after the cursor's row in `order`", whose values
 * `rowById` reads from that row whatever the filter (but only among the parent's own rows: another
 * owner's id must not place a page). Null when `rowById` finds no row: an empty page. A keyset rather than Prisma's `cursor` with `skip: 1`,
 * which counts off from the cursor row's place in the filtered list and so skips a row when the
 * cursor row has left the list since the previous page (an alert acknowledged, an order filled).
 */
export async function pageWhere<Where extends object>(
  filter: Where,
  page: PageQuery,
  order: readonly OrderColumn[],
  rowById: (id: string) => Promise<object | null>,
): Promise<Where | null> {
  if (page.afterId === undefined) return filter;
  const cursorRow = await rowById(page.afterId);
  if (!cursorRow) return null;
  // Built from the model's own order columns and row values, so it is that model's `where`;
  // Prisma's per-model types cannot say so generically.
  return { AND: [filter, keysetAfter(order, cursorRow as Record<string, unknown>)] } as unknown as Where;
}

/**
 * (a, b, c) after (x, y, z) in `order`: a beyond x, or a = x and b beyond y, or a = x, b = y and c
 * beyond z, where "beyond" is `gt` for an ascending column and `lt` for a descending one.
 */
function keysetAfter(order: readonly OrderColumn[], cursorRow: Record<string, unknown>): object {
  const columns = order.flatMap((column) => Object.entries(column));
  return {
    OR: columns.map(([column, direction], index) => ({
      ...Object.fromEntries(columns.slice(0, index).map(([equal]) => [equal, cursorRow[equal]])),
      [column]: { [direction === 'asc' ? 'gt' : 'lt']: cursorRow[column] },
    })),
  };
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
