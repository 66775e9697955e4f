import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, CompositionError, readSupergraph, subgraphCatalog } from '../src/index.js';

describe('supergraph composition', () => {
  it('the checked-in supergraph.graphql is what the subgraph schemas compose to', () => {
    expect(readSupergraph()).toBe(composeSupergraph(subgraphCatalog));
  });

  it('stops with the composition messages when subgraphs disagree', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'compose-'));
    const header = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n';
    writeFileSync(
      path.join(dir, 'a.graphql'),
      `${header}type Query { a: Money } type Money { amount: Int! }`,
    );
    writeFileSync(
      path.join(dir, 'b.graphql'),
      `${header}type Query { b: Money } type Money { amount: String! }`,
    );
    const compose = () =>
      composeSupergraph([
        { name: 'a', schemaFile: path.join(dir, 'a.graphql'), defaultUrl: 'http://a/graphql' },
        { name: 'b', schemaFile: path.join(dir, 'b.graphql'), defaultUrl: 'http://b/graphql' },
      ]);
    expect(compose).toThrow(CompositionError);
    try {
      compose();
    } catch (error) {
      expect((error as CompositionError).messages.join('\n')).toMatch(/Money/);
    }
  });
});
