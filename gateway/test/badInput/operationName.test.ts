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
