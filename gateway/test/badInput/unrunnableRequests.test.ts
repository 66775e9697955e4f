/** Requests the gateway could never run, refused before any subgraph is called. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/index.js';
import { post, startProtectedGateway } from '../protection/protectedGateway.js';
import { startTradingToy } from './tradingToy.js';

let toy: Awaited<ReturnType<typeof startTradingToy>>;
const gateways: RunningGateway[] = [];
beforeAll(async () => {
  toy = await startTradingToy();
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await toy.stop();
});

describe.each([
  ['development', false],
  ['production', true],
])('a subscription sent over HTTP (%s)', (_mode, production) => {
  it('is refused with BAD_USER_INPUT pointing at graphql-ws, before any subgraph is called', async () => {
    const gateway = await startProtectedGateway(toy, { production, protection: { trustedDocuments: 'apq' } });
    gateways.push(gateway);
    const response = await post(gateway.url, {
      query: 'subscription Ticks($symbol: String!) { ticks(symbol: $symbol) }',
      variables: { symbol: 'AAPL' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: expect.stringMatching(
            /WebSocket to this same \/graphql URL with the graphql-ws protocol/,
          ) as unknown,
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(toy.executed).toEqual([]);
  });
});

const twoQueries = 'query A { __typename } query B { __typename }';

describe.each([
  ['development', false],
  ['production', true],
])('a document without the operation to run (%s)', (_mode, production) => {
  it.each([
    [
      'an operationName it does not define',
      { query: twoQueries, operationName: 'C' },
      'Unknown operation named "C".',
    ],
    [
      'several operations and no operationName',
      { query: twoQueries },
      'Must provide operation name if query contains multiple operations.',
    ],
  ])('is refused with BAD_USER_INPUT: %s', async (_case, body, message) => {
    const gateway = await startProtectedGateway(toy, { production, protection: { trustedDocuments: 'apq' } });
    gateways.push(gateway);
    const response = await post(gateway.url, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
    expect(toy.executed).toEqual([]);
  });
});
