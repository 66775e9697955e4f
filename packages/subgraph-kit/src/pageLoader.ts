import DataLoader from 'dataloader';
import type { PageQuery } from './pagination.js';

/** One parent's page of a connection field, such as the first 20 orders of one user. */
export interface PageKey<Filter> {
  readonly parentId: string;
  /** The field's arguments other than `first`/`after`; `null` when it has none. */
  readonly filter: Filter;
  /** From `pageQuery`: the page size plus one, and the cursor if there is one. */
  readonly page: PageQuery;
}

/** Where the rows of one connection field come from. */
export interface PageSource<Row extends { id: string }, Filter> {
  /**
   * Up to `take` rows of each parent, in the connection's order, in a constant number of
   * statements whatever the number of parents (e.g. a `row_number()` window query). Rows of
   * different parents may be interleaved: each parent's rows keep their relative order.
   */
  loadFirstPages(parentIds: readonly string[], filter: Filter, take: number): Promise<readonly Row[]>;
  /**
   * One parent's page, after a cursor or (with no cursor) its first page when it is the only
   * parent asked for; e.g. a Prisma `findMany` with `pageWhere` and `take`.
   */
  loadPage(parentId: string, filter: Filter, page: PageQuery): Promise<Row[]>;
  /** The parent a row of `loadFirstPages` belongs to. */
  parentOf(row: Row): string;
}

/** Resolves to the rows of the page plus one, ready for `toConnection(rows, key.page)`. */
export type PageLoader<Row, Filter> = DataLoader<PageKey<Filter>, Row[], string>;

/**
 * A connection field without N+1: within one request, the first pages of all parents that
 * share a filter and a page size are one `loadFirstPages` call, so a list of 20 portfolios costs
 * the same statements as one. A page after a cursor is rare (a client walking one list) and has
 * its own keyset query. A failing call fails only the keys it served.
 */
export function createPageLoader<Row extends { id: string }, Filter>(
  source: PageSource<Row, Filter>,
): PageLoader<Row, Filter> {
  return new DataLoader<PageKey<Filter>, Row[], string>(
    async (keys) => {
      const results = new Map<PageKey<Filter>, Row[] | Error>();
      const firstPages = [...groupFirstPages(keys).values()].map(async (group) => {
        try {
          const rowsOf = await loadGroup(source, group);
          for (const key of group) results.set(key, rowsOf(key));
        } catch (error) {
          for (const key of group) results.set(key, asError(error));
        }
      });
      const cursorPages = keys
        .filter((key) => key.page.afterId !== undefined)
        .map(async (key) => {
          try {
            results.set(key, await source.loadPage(key.parentId, key.filter, key.page));
          } catch (error) {
            results.set(key, asError(error));
          }
        });
      await Promise.all([...firstPages, ...cursorPages]);
      return keys.map((key) => results.get(key) ?? []);
    },
    { cacheKeyFn: (key) => stableJson([key.parentId, key.filter, key.page]) },
  );
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/** First-page keys by what one batched query can serve together: the same filter and size. */
function groupFirstPages<Filter>(keys: readonly PageKey<Filter>[]): Map<string, PageKey<Filter>[]> {
  const groups = new Map<string, PageKey<Filter>[]>();
  for (const key of keys) {
    if (key.page.afterId !== undefined) continue;
    const shape = stableJson([key.filter, key.page.take]);
    const group = groups.get(shape);
    if (group) group.push(key);
    else groups.set(shape, [key]);
  }
  return groups;
}

/** Runs one group's batched query and deals its rows out to their parents. */
async function loadGroup<Row extends { id: string }, Filter>(
  source: PageSource<Row, Filter>,
  group: readonly PageKey<Filter>[],
): Promise<(key: PageKey<Filter>) => Row[]> {
  const [sample] = group;
  if (!sample) return () => [];
  const parentIds = [...new Set(group.map((key) => key.parentId))];
  // One parent (a user's own dashboard, the usual case) needs no window query: its page is one
  // plain statement, where the batched form costs two round trips to PostgreSQL.
  const [onlyParent] = parentIds;
  const rows =
    parentIds.length === 1 && onlyParent !== undefined
      ? await source.loadPage(onlyParent, sample.filter, { take: sample.page.take })
      : await source.loadFirstPages(parentIds, sample.filter, sample.page.take);
  const byParent = new Map<string, Row[]>();
  for (const row of rows) {
    const parentId = source.parentOf(row);
    const page = byParent.get(parentId);
    if (page) page.push(row);
    else byParent.set(parentId, [row]);
  }
  // A source that returns more than asked for would otherwise break `hasNextPage`.
  return (key) => (byParent.get(key.parentId) ?? []).slice(0, key.page.take);
}

/** JSON with object keys sorted, so equal filters make equal cache and group keys. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    nested !== null && typeof nested === 'object' && !Array.isArray(nested)
      ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : nested,
  );
}
