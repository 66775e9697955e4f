import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { testCallerTokens } from '@mib/auth/testing';
import { DateTimeScalar, DecimalScalar, startSubgraph } from '@mib/subgraph-kit';
import { silentLogger } from '@mib/telemetry';
import type { ToySubgraph } from '../protection/protectedGateway.js';

/**
 * A toy `trading` subgraph with the platform's custom scalars (the subgraph kit's `Decimal` and
 * `DateTime`) in arguments, a mutation that records what it places, and a subscription, for the
 * tests of input the gateway must refuse itself. `executed` lists the root fields it resolved.
 */
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])

  scalar Decimal
  scalar DateTime

  input PlaceOrderInput { symbol: String! quantity: Decimal! price: Decimal }
  type Order { id: ID! symbol: String! quantity: Decimal! price: Decimal }
  type Query { trades(since: DateTime): [String!]! }
  type Mutation { placeOrder(input: PlaceOrderInput!): Order! }
  type Subscription { ticks(symbol: String!): Decimal! }
`);

interface PlaceOrderInput {
  readonly symbol: string;
  readonly quantity: string;
  readonly price?: string | null;
}

export async function startTradingToy(): Promise<ToySubgraph & { readonly placed: PlaceOrderInput[] }> {
  const executed: string[] = [];
  const placed: PlaceOrderInput[] = [];
  const service = await startSubgraph(
    {
      name: 'trading',
      typeDefs,
      createContext: () => ({}),
      resolvers: {
        Decimal: DecimalScalar,
        DateTime: DateTimeScalar,
        Query: { trades: () => (executed.push('trades'), []) },
        Mutation: {
          placeOrder: (_root: unknown, { input }: { input: PlaceOrderInput }) => {
            executed.push('placeOrder');
            placed.push(input);
            return { id: String(placed.length), ...input };
          },
        },
        Subscription: {
          ticks: {
            subscribe: () => {
              executed.push('ticks');
              throw new Error('the toy streams no ticks');
            },
          },
        },
      },
    },
    { port: 0, logger: silentLogger(), callerTokens: testCallerTokens },
  );
  const composition = composeServices([{ name: service.name, url: service.url, typeDefs }]);
  if (composition.errors) throw new Error(composition.errors.map((error) => error.message).join('\n'));
  return {
    supergraphSdl: composition.supergraphSdl,
    urls: { [service.name]: service.url },
    executed,
    placed,
    stop: () => service.stop(),
  };
}
