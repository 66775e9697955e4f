import { composeServices } from '@apollo/composition';
import { Repeater } from '@repeaterjs/repeater';
import { parse } from 'graphql';
import { testCallerTokens, testIdentity } from '@mib/auth/testing';
import { startSubgraph, type RunningService } from '@mib/subgraph-kit';
import { silentLogger } from '@mib/telemetry';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../src/index.js';

/**
 * Two small subgraphs for the federated-subscription tests (they trust callers signed with
 * `testCallerTokens`, as real subgraphs trust the gateway's): `trading` owns Order and a
 * subscription on it, `reference` owns Instrument. A payload that selects `instrument { name }`
 * must therefore be completed by the gateway through the supergraph.
 */
const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n';

const tradingTypeDefs = parse(`${FEDERATION}
  type Order @key(fields: "id") { id: ID! status: String! owner: String! instrument: Instrument! }
  type Instrument @key(fields: "id", resolvable: false) { id: ID! }
  type Query { order(id: ID!): Order }
  type Subscription { orderUpdates: Order! }
`);

const referenceTypeDefs = parse(`${FEDERATION}
  type Instrument @key(fields: "id") { id: ID! name: String! }
  type Query { instrument(id: ID!): Instrument }
`);

/**
 * An instrument id whose lookup fails inside the `trading` subgraph with an error that names
 * internals (an address): what reaches a gateway client must not.
 */
export const FAILING_INSTRUMENT = 'failing';

interface OrderEvent {
  id: string;
  status: string;
  owner: string;
  instrumentId: string;
}

/** An in-memory event source with a count of live subscribers, so tests wait on facts, not time. */
export class OrderEvents {
  private readonly listeners = new Set<(event: OrderEvent) => void>();
  private readonly waiters: (() => void)[] = [];
  private completeAll: (() => void)[] = [];

  get subscriberCount(): number {
    return this.listeners.size;
  }

  publish(event: OrderEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Ends every open subscription from the subgraph's side. */
  complete(): void {
    for (const complete of this.completeAll.splice(0)) complete();
  }

  async waitForSubscribers(count: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.listeners.size !== count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} subscribers, have ${this.listeners.size}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 20);
      });
    }
  }

  stream(owner: string): AsyncIterableIterator<{ orderUpdates: OrderEvent }> {
    return new Repeater(async (push, stop) => {
      const listener = (event: OrderEvent) => {
        if (event.owner === owner) void push({ orderUpdates: event });
      };
      this.listeners.add(listener);
      this.completeAll.push(() => stop());
      this.waiters.splice(0).forEach((wake) => wake());
      await stop;
      this.listeners.delete(listener);
    });
  }
}

export interface ToyPlatform {
  readonly supergraphSdl: string;
  readonly urls: Record<string, string>;
  readonly events: OrderEvents;
  stop(): Promise<void>;
}

export async function startToySubgraphs(): Promise<ToyPlatform> {
  const events = new OrderEvents();
  const instruments: Record<string, string> = { i1: 'Apple Inc.', i2: 'Bitcoin' };
  const logger = silentLogger();
  const services: RunningService[] = [
    await startSubgraph<{ owner: string }>(
      {
        name: 'trading',
        typeDefs: tradingTypeDefs,
        createContext: (caller) => ({ owner: caller.identity?.userId ?? 'anonymous' }),
        resolvers: {
          Query: { order: () => null },
          Order: {
            instrument: (order: OrderEvent) => {
              if (order.instrumentId === FAILING_INSTRUMENT)
                throw new Error('instrument lookup failed: connect ECONNREFUSED 10.0.0.7:5432');
              return { id: order.instrumentId };
            },
          },
          Subscription: {
            orderUpdates: {
              subscribe: (_root: unknown, _args: unknown, context: { owner: string }) =>
                events.stream(context.owner),
            },
          },
        },
      },
      { port: 0, logger, callerTokens: testCallerTokens },
    ),
    await startSubgraph(
      {
        name: 'reference',
        typeDefs: referenceTypeDefs,
        createContext: () => ({}),
        resolvers: {
          Query: {
            instrument: (_root: unknown, { id }: { id: string }) => (instruments[id] ? { id } : null),
          },
          Instrument: {
            __resolveReference: ({ id }: { id: string }) => (instruments[id] ? { id } : null),
            name: ({ id }: { id: string }) => instruments[id],
          },
        },
      },
      { port: 0, logger, callerTokens: testCallerTokens },
    ),
  ];
  const composition = composeServices(
    services.map((service, index) => ({
      name: service.name,
      url: service.url,
      typeDefs: index === 0 ? tradingTypeDefs : referenceTypeDefs,
    })),
  );
  if (composition.errors) throw new Error(composition.errors.map((error) => error.message).join('\n'));
  return {
    supergraphSdl: composition.supergraphSdl,
    urls: Object.fromEntries(services.map((service) => [service.name, service.url])),
    events,
    stop: async () => {
      await Promise.all(services.map((service) => service.stop()));
    },
  };
}

/**
 * A gateway over the toy subgraphs, on a free port. `Bearer user:<id>` is a session of that user
 * and anything else no caller, unless `options` brings an authenticator of its own.
 */
export function startGatewayOverToys(
  toys: ToyPlatform,
  options: Partial<GatewayOptions> = {},
): Promise<RunningGateway> {
  return startGateway({
    port: 0,
    logger: silentLogger(),
    supergraphSdl: toys.supergraphSdl,
    subgraphUrls: toys.urls,
    callerTokens: testCallerTokens,
    authenticator: {
      authenticate: async ({ authorization }) =>
        authorization?.startsWith('Bearer user:') ? testIdentity(authorization.slice(12)) : null,
    },
    ...options,
  });
}
