import { describe, expect, it } from 'vitest';
import { createPageLoader, pageQuery, toConnection, type PageQuery, type PageSource } from '../src/index.js';

interface Post {
  readonly id: string;
  readonly authorId: string;
  readonly draft: boolean;
}

/** Three authors' posts, in the connection's order (by id); `c` has none. */
const posts: readonly Post[] = [
  { id: '01', authorId: 'a', draft: false },
  { id: '02', authorId: 'b', draft: true },
  { id: '03', authorId: 'a', draft: true },
  { id: '04', authorId: 'b', draft: false },
  { id: '05', authorId: 'a', draft: false },
  { id: '06', authorId: 'b', draft: false },
  { id: '07', authorId: 'a', draft: false },
];

interface PostFilter {
  readonly publishedOnly: boolean;
}

const matches = (post: Post, authorIds: readonly string[], filter: PostFilter) =>
  authorIds.includes(post.authorId) && !(filter.publishedOnly && post.draft);

/** An in-memory source that records every call, as a database would see statements. */
function recordingSource() {
  const calls: { parentIds: readonly string[]; filter: PostFilter; take: number }[] = [];
  const pageCalls: { parentId: string; page: PageQuery }[] = [];
  const source: PageSource<Post, PostFilter> = {
    loadFirstPages: async (parentIds, filter, take) => {
      calls.push({ parentIds, filter, take });
      // Interleaved across authors, newest author first, to check rows are dealt out by parent.
      const perAuthor = parentIds.map((id) =>
        posts.filter((post) => matches(post, [id], filter)).slice(0, take),
      );
      return perAuthor.reverse().flat();
    },
    loadPage: async (parentId, filter, page) => {
      pageCalls.push({ parentId, page });
      const rest = posts.filter(
        (post) => matches(post, [parentId], filter) && post.id > (page.afterId ?? ''),
      );
      return rest.slice(0, page.take);
    },
    parentOf: (post) => post.authorId,
  };
  return { source, calls, pageCalls };
}

const ids = (rows: readonly Post[]) => rows.map((post) => post.id);

describe('createPageLoader', () => {
  it('loads the first pages of many parents with one call, each parent its own rows in order', async () => {
    const { source, calls } = recordingSource();
    const loader = createPageLoader(source);
    const page = pageQuery({ first: 2 });
    const pages = await Promise.all(
      ['a', 'b', 'c'].map((parentId) => loader.load({ parentId, filter: { publishedOnly: false }, page })),
    );
    expect(pages.map(ids)).toEqual([['01', '03', '05'], ['02', '04', '06'], []]);
    expect(calls).toEqual([{ parentIds: ['a', 'b', 'c'], filter: { publishedOnly: false }, take: 3 }]);
    expect(toConnection(pages[0] ?? [], page).pageInfo.hasNextPage).toBe(true);
  });

  it('groups first pages by filter and by page size, one call per group', async () => {
    const { source, calls, pageCalls } = recordingSource();
    const loader = createPageLoader(source);
    const [published, all, small] = await Promise.all([
      loader.load({ parentId: 'b', filter: { publishedOnly: true }, page: pageQuery({ first: 5 }) }),
      loader.load({ parentId: 'b', filter: { publishedOnly: false }, page: pageQuery({ first: 5 }) }),
      loader.load({ parentId: 'a', filter: { publishedOnly: false }, page: pageQuery({ first: 1 }) }),
      loader.load({ parentId: 'a', filter: { publishedOnly: true }, page: pageQuery({ first: 5 }) }),
    ]);
    expect(ids(published ?? [])).toEqual(['04', '06']);
    expect(ids(all ?? [])).toEqual(['02', '04', '06']);
    expect(ids(small ?? [])).toEqual(['01', '03']);
    expect(calls.map(({ parentIds, filter, take }) => [parentIds, filter.publishedOnly, take])).toEqual([
      [['b', 'a'], true, 6],
    ]);
    // A group with one parent is that parent's plain page query, not the batched form.
    expect(pageCalls).toEqual([
      { parentId: 'b', page: { take: 6 } },
      { parentId: 'a', page: { take: 2 } },
    ]);
  });

  it("loads a lone parent's first page with one plain page query", async () => {
    const { source, calls, pageCalls } = recordingSource();
    const loader = createPageLoader(source);
    const page = pageQuery({ first: 2 });
    const rows = await loader.load({ parentId: 'a', filter: { publishedOnly: false }, page });
    expect(ids(rows)).toEqual(['01', '03', '05']);
    expect(calls).toEqual([]);
    expect(pageCalls).toEqual([{ parentId: 'a', page: { take: 3 } }]);
  });

  it('runs each page after a cursor on its own, beside the batched first pages', async () => {
    const { source, calls, pageCalls } = recordingSource();
    const loader = createPageLoader(source);
    const filter = { publishedOnly: false };
    const [firstOfB, , afterA, afterB] = await Promise.all([
      loader.load({ parentId: 'b', filter, page: pageQuery({ first: 1 }) }),
      loader.load({ parentId: 'c', filter, page: pageQuery({ first: 1 }) }),
      loader.load({ parentId: 'a', filter, page: { take: 2, afterId: '03' } }),
      loader.load({ parentId: 'b', filter, page: { take: 2, afterId: '04' } }),
    ]);
    expect([firstOfB, afterA, afterB].map((rows) => ids(rows ?? []))).toEqual([
      ['02', '04'],
      ['05', '07'],
      ['06'],
    ]);
    expect(calls).toHaveLength(1);
    expect(pageCalls.map(({ parentId }) => parentId)).toEqual(['a', 'b']);
  });

  it('caches equal keys whatever the order of their filter fields', async () => {
    const { source, pageCalls } = recordingSource();
    const loader = createPageLoader<Post, { publishedOnly: boolean; tag?: string }>(source);
    const page = pageQuery({});
    await loader.load({ parentId: 'a', filter: { publishedOnly: true, tag: 'x' }, page });
    await loader.load({ parentId: 'a', filter: { tag: 'x', publishedOnly: true }, page });
    expect(pageCalls).toHaveLength(1);
  });

  it('fails only the keys served by a failing call', async () => {
    const { source } = recordingSource();
    const loader = createPageLoader<Post, PostFilter>({
      ...source,
      loadPage: () => Promise.reject(new Error('connection lost')),
    });
    const filter = { publishedOnly: false };
    const [first, , after] = await Promise.allSettled([
      loader.load({ parentId: 'a', filter, page: pageQuery({ first: 1 }) }),
      loader.load({ parentId: 'b', filter, page: pageQuery({ first: 1 }) }),
      loader.load({ parentId: 'a', filter, page: { take: 2, afterId: '01' } }),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: [posts[0], posts[2]] });
    expect(after).toMatchObject({ status: 'rejected', reason: { message: 'connection lost' } });
  });
});
