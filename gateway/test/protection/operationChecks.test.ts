import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, post, startToyGateway, type GraphQLResponse, type ToyGateway } from './protectedGateway.js';

/**
 * A document whose cost takes seconds to estimate: the estimate costs a fragment once per slice
 * size its parent gives it, so `pages` pages of distinct sizes spreading one fragment of `items`
 * fields cost pages × items fields, while parsing and validating it stays linear. Within the
 * default token limit such a document is tiny; this gateway raises the limits so that only depth
 * can refuse it.
 */
function slowToCost(pages: number, items: number, deep: boolean): string {
  const spreads = Array.from({ length: pages }, (_, i) => `p${i}: page(first: ${i}) { ...Heavy }`);
  const fields = Array.from({ length: items }, (_, i) => `i${i}: items { id }`);
  const tooDeep = deep ? 'deep: items { related { related { related { related { id } } } } }' : '';
  return `query { ${tooDeep} ${spreads.join(' ')} } fragment Heavy on ItemPage { ${fields.join(' ')} }`;
}

let fixture: ToyGateway;
beforeAll(async () => {
  fixture = await startToyGateway({
    protection: {
      maxRequestBytes: 1024 * 1024,
      operationLimits: { maxDepth: 5, maxAliases: 1_000_000, maxDirectives: 10, maxTokens: 100_000 },
      cost: { maxCost: 5_000, defaultListSize: 10 },
    },
  });
});
afterAll(() => fixture[Symbol.asyncDispose]());

async function timed(query: string): Promise<{ response: GraphQLResponse; ms: number }> {
  const started = performance.now();
  const response = await post(fixture.url, { query });
  return { response, ms: performance.now() - started };
}

describe('operation checks', () => {
  it('does not estimate the cost of an operation the depth limit refused', async () => {
    const executedBefore = fixture.toy.executed.length;
    // The same shape within the depth limit: refused for its cost, after estimating it.
    const costed = await timed(slowToCost(400, 2_000, false));
    expect(codeOf(costed.response)).toBe('COST_LIMIT_EXCEEDED');

    const tooDeep = await timed(slowToCost(400, 2_000, true));
    expect(tooDeep.response.status).toBe(400);
    expect(codeOf(tooDeep.response)).toBe('OPERATION_LIMIT_EXCEEDED');
    expect(tooDeep.response.body.errors?.[0]?.extensions).toMatchObject({ limit: 'depth', max: 5 });
    expect(fixture.toy.executed.length).toBe(executedBefore);
    // Parsing and validating are a small part of the costed request; estimating is the rest.
    // Had the estimate run for the refused one too, it would take about as long.
    expect(tooDeep.ms).toBeLessThan(costed.ms / 3);
  });
});
