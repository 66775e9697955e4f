import type { GraphQLResponse } from './testing.js';

/** The part of a Relay connection a test pages through: its nodes and where the next page starts. */
export interface ConnectionPage<Node> {
  readonly edges: readonly { readonly node: Node }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/**
 * Reads a connection from its first page to its last, each page asked for with the previous
 * page's `endCursor` (`null` for the first), and returns the nodes of every page in order. Fails
 * with the response's errors when a page has no connection, and after `maxPages` pages, so a
 * cursor that never ends fails the test instead of hanging it.
 */
export async function walkConnection<Data, Node>(
  fetchPage: (after: string | null) => Promise<GraphQLResponse<Data>>,
  connectionOf: (data: Data) => ConnectionPage<Node> | null | undefined,
  maxPages = 50,
): Promise<Node[][]> {
  const pages: Node[][] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const response = await fetchPage(after);
    const connection = response.data ? connectionOf(response.data) : undefined;
    if (!connection) throw new Error(`no connection in the page: ${JSON.stringify(response.errors)}`);
    pages.push(connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) return pages;
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`pagination did not end within ${maxPages} pages`);
}
