import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../src/index.js';
import { post, startProtectedGateway, type GraphQLResponse } from '../protection/protectedGateway.js';
import { startTradingToy } from './tradingToy.js';

let toy: Awaited<ReturnType<typeof startTradingToy>>;
const gateways: RunningGateway[] = [];
beforeAll(async () => {
  toy = await startTradingToy();
});
afterEach(() => {
  toy.executed.length = 0;
  toy.placed.length = 0;
});
afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await toy.stop();
});

/** A gateway over the toy, in production (any document allowed, as with APQ) or not. */
async function gatewayUrl(production: boolean): Promise<string> {
  const gateway = await startProtectedGateway(toy, {
    production,
    protection: { trustedDocuments: 'apq' },
  });
  gateways.push(gateway);
  return gateway.url;
}

const PLACE_ORDER_WITH_PRICE = (price: string) =>
  `mutation { placeOrder(input: { symbol: "AAPL", quantity: "10", price: ${price} }) { id price } }`;

/** The one error of a refused request: BAD_USER_INPUT, nothing internal, nothing executed. */
function expectRefusedInput(response: GraphQLResponse, messagePattern: RegExp): void {
  expect(response.body.data ?? null).toBeNull();
  expect(response.body.errors).toHaveLength(1);
  const [error] = response.body.errors ?? [];
  expect(error?.message).toMatch(messagePattern);
  expect(error?.extensions?.['code']).toBe('BAD_USER_INPUT');
  expect(error?.extensions).not.toHaveProperty('stacktrace');
  expect(error?.extensions).not.toHaveProperty('detail');
  expect(toy.executed).toEqual([]);
  expect(toy.placed).toEqual([]);
}

describe.each([
  ['development', false],
  ['production', true],
])('custom scalar arguments (%s)', (_mode, production) => {
  it('refuses a Decimal literal sent as a number before any subgraph is called', async () => {
    const query = PLACE_ORDER_WITH_PRICE('228.5');
    const response = await post(await gatewayUrl(production), { query });
    expect(response.status).toBe(400);
    expectRefusedInput(response, /^Expected value of type "Decimal", found 228\.5; Decimal must be a string/);
    // Placed at the literal, so the client sees which argument it was.
    expect(response.body.errors?.[0]).toMatchObject({
      locations: [{ line: 1, column: query.indexOf('228.5') + 1 }],
    });
  });

  it('refuses a malformed Decimal string literal', async () => {
    const response = await post(await gatewayUrl(production), { query: PLACE_ORDER_WITH_PRICE('"abc"') });
    expect(response.status).toBe(400);
    expectRefusedInput(response, /^Expected value of type "Decimal", found "abc"; Decimal must be a string/);
  });

  it('refuses a Decimal variable sent as a number, naming the variable', async () => {
    const response = await post(await gatewayUrl(production), {
      query:
        'mutation Place($p: Decimal!) { placeOrder(input: { symbol: "AAPL", quantity: "10", price: $p }) { id } }',
      variables: { p: 228.5 },
    });
    expectRefusedInput(response, /Variable "\$p" got invalid value 228\.5; Decimal must be a string/);
  });

  it('refuses a bad Decimal inside an input object variable, naming where it is', async () => {
    const response = await post(await gatewayUrl(production), {
      query: 'mutation Place($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }',
      variables: { input: { symbol: 'AAPL', quantity: '1e3' } },
    });
    expectRefusedInput(response, /Variable "\$input" got invalid value "1e3" at "input\.quantity"; Decimal/);
  });

  it('refuses a DateTime without a zone, as a literal and as a variable', async () => {
    const url = await gatewayUrl(production);
    expectRefusedInput(
      await post(url, { query: '{ trades(since: "2026-11-24T10:02:00") }' }),
      /^Expected value of type "DateTime", found "2026-11-24T10:02:00"; DateTime must be an ISO-8601 instant with a zone/,
    );
    expectRefusedInput(
      await post(url, {
        query: 'query Trades($since: DateTime) { trades(since: $since) }',
        variables: { since: '30 February' },
      }),
      /Variable "\$since" got invalid value "30 February"; DateTime must be/,
    );
  });

  it('still places an order whose Decimals are well formed', async () => {
    const response = await post(await gatewayUrl(production), {
      query:
        'mutation Place($p: Decimal!) { placeOrder(input: { symbol: "AAPL", quantity: "10", price: $p }) { price } }',
      variables: { p: '228.50' },
    });
    expect(response.body).toEqual({ data: { placeOrder: { price: '228.50' } } });
    expect(toy.placed).toEqual([{ symbol: 'AAPL', quantity: '10', price: '228.50' }]);
  });
});
