import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, post, startProtectedGateway, startToyGateway, type ToyGateway } from './protectedGateway.js';

let fixture: ToyGateway;
beforeAll(async () => {
  fixture = await startToyGateway({ protection: { cost: { maxCost: 1_000, defaultListSize: 10 } } });
});
afterAll(() => fixture[Symbol.asyncDispose]());

async function expectCostRefused(
  request: { query: string; variables?: Record<string, unknown> },
  cost: number,
) {
  const executedBefore = fixture.toy.executed.length;
  const response = await post(fixture.url, request);
  expect(response.status).toBe(400);
  expect(codeOf(response)).toBe('COST_LIMIT_EXCEEDED');
  expect(response.body.errors?.[0]?.extensions).toMatchObject({ cost, maxCost: 1_000 });
  expect(fixture.toy.executed.length).toBe(executedBefore);
}

const ok = async (request: { query: string; variables?: Record<string, unknown> }) => {
  const response = await post(fixture.url, request);
  expect(response.body.errors).toBeUndefined();
  expect(response.status).toBe(200);
};

describe('operation cost from @cost and @listSize', () => {
  it('multiplies a list by its slicing argument: 50 items × (1 + 10 related) = 550 runs', async () => {
    await ok({ query: '{ items(first: 50) { id related { id } } }' });
  });

  it('refuses 100 items × (1 + 10 related) = 1100, given literally or by variable', async () => {
    await expectCostRefused({ query: '{ items(first: 100) { id related { id } } }' }, 1_100);
    await expectCostRefused(
      { query: 'query($n: Int) { items(first: $n) { id related { id } } }', variables: { n: 100 } },
      1_100,
    );
  });

  it('costs the same document anew for other variables, and the same again when repeated', async () => {
    const query = 'query($n: Int) { items(first: $n) { id related { id } } }';
    for (let repeat = 0; repeat < 2; repeat++) {
      await ok({ query, variables: { n: 50 } });
      await expectCostRefused({ query, variables: { n: 100 } }, 1_100);
      await ok({ query, variables: { n: 90 } });
    }
  });

  it('refuses 500 items × (1 + 10 related) = 5500 however negative another slice is', async () => {
    const expensive = 'b: items(first: 500) { id related { id } }';
    await expectCostRefused({ query: `{ a: items(first: -100000) { id } ${expensive} }` }, 5_500);
    await expectCostRefused(
      { query: `query($n: Int) { a: items(first: $n) { id } ${expensive} }`, variables: { n: -100_000 } },
      5_500,
    );
  });

  it('tells an absent slicing variable (its default, 5) from a null one (10 assumed) once cached', async () => {
    const query = 'query($n: Int) { items(first: $n) { related { related { id } } } }';
    await ok({ query }); // 5 × (1 + 10 × (1 + 10)) = 555
    await expectCostRefused({ query, variables: { n: null } }, 1_110);
  });

  it("uses the slicing argument's default when it is not given: 5 × (1 + 10 × (1 + 10)) = 555", async () => {
    await ok({ query: '{ items { related { related { id } } } }' });
  });

  it('adds field weights: three reports at @cost(weight: 500) are 1500', async () => {
    await ok({ query: '{ a: report b: report }' });
    await expectCostRefused({ query: '{ a: report b: report c: report }' }, 1_500);
  });

  it('sizes the sizedFields of a connection by its slicing argument', async () => {
    // page 1 + 300 items × (1 + price 3) = 1201
    await expectCostRefused({ query: '{ page(first: 300) { items { price } } }' }, 1_201);
    await ok({ query: '{ page(last: 200) { items { price } } }' });
  });

  it('refuses a list sliced by none or several of its required slicing arguments', async () => {
    for (const query of ['{ page { items { id } } }', '{ page(first: 1, last: 1) { items { id } } }']) {
      const executedBefore = fixture.toy.executed.length;
      const response = await post(fixture.url, { query });
      expect(response.status).toBe(400);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.body.errors?.[0]?.message).toMatch(/exactly one of the arguments first, last/);
      expect(fixture.toy.executed.length).toBe(executedBefore);
    }
  });
});

describe('the memo of cost verdicts', () => {
  it('stays bounded when every request brings another document and variables the operation ignores', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const roomy = { capacity: 10_000, refillPerSecond: 10_000 };
    const gateway = await startProtectedGateway(fixture.toy, {
      protection: { rateLimits: { ip: roomy, user: roomy, apiKey: roomy } },
    });
    try {
      const padding = 'x'.repeat(64 * 1024);
      const send = (round: number) =>
        post(gateway.url, {
          query: `query Ping${round} { ping }`,
          variables: { padding: `${round}${padding}` },
        });
      await send(-1);
      collectGarbage();
      const before = process.memoryUsage().heapUsed;
      // 400 × 64 KiB: 25 MiB of variables nothing needs to remember.
      for (let round = 0; round < 400; round++) expect((await send(round)).status).toBe(200);
      collectGarbage();
      expect(process.memoryUsage().heapUsed - before).toBeLessThan(12 * 1024 * 1024);
    } finally {
      await gateway.stop();
    }
  });
});
