import { randomUUID } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { Identity } from '@mib/auth';
import { testCallerTokens, testIdentity } from '@mib/auth/testing';
import { startSubgraph, type RunningService } from '@mib/subgraph-kit';
import { silentLogger } from '@mib/telemetry';
import { InvalidCredentials } from '../../src/auth/authenticate.js';
import { startGateway, type RunningGateway } from '../../src/index.js';
import {
  defaultProtectionSettings,
  type ProtectionSettings,
  type TrustedDocumentManifest,
} from '../../src/protection/index.js';

/**
 * A toy subgraph for the protection tests: list fields sized by `@listSize`, weights from
 * `@cost`, and a log of every root field it resolved, so a test can assert that a refused
 * request executed nothing.
 */
const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])

  type Query {
    ping: String!
    "The caller's address as the gateway forwarded it."
    clientIp: String
    items(first: Int = 5): [Item!]! @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false)
    page(first: Int, last: Int): ItemPage! @listSize(slicingArguments: ["first", "last"], sizedFields: ["items"])
    report: Int! @cost(weight: 500)
  }
  type Mutation { touch: Int! }
  type ItemPage { items: [Item!]! }
  type Item @key(fields: "id") { id: ID! name: String! price: Int! @cost(weight: 3) related: [Item!]! }
`);

export interface ToySubgraph {
  readonly supergraphSdl: string;
  readonly urls: Record<string, string>;
  /** Root fields resolved so far, in order. */
  readonly executed: string[];
  stop(): Promise<void>;
}

export async function startToySubgraph(): Promise<ToySubgraph> {
  const executed: string[] = [];
  const item = (id: number) => ({ id: String(id), name: `item ${id}`, price: id, related: [] });
  const service: RunningService = await startSubgraph(
    {
      name: 'toy',
      typeDefs,
      createContext: (caller) => ({ clientIp: caller.clientIp }),
      resolvers: {
        Query: {
          ping: () => (executed.push('ping'), 'pong'),
          clientIp: (_root: unknown, _args: unknown, context: { clientIp: string | null }) =>
            context.clientIp,
          items: (_root: unknown, { first }: { first: number }) => (
            executed.push('items'),
            Array.from({ length: Math.min(first, 3) }, (_, i) => item(i))
          ),
          page: () => (executed.push('page'), { items: [item(1)] }),
          report: () => (executed.push('report'), 42),
        },
        Mutation: { touch: () => (executed.push('touch'), 1) },
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
    stop: () => service.stop(),
  };
}

/**
 * Test credentials: `Bearer user:<id>` is a session of that user, `Bearer key:<id>` an API key
 * of user `key-owner`, `Bearer unverifiable:` fails as an unreachable users subgraph would, anything
 * else after `Bearer` is refused (401).
 */
async function authenticate({
  authorization,
}: {
  authorization?: string | undefined;
}): Promise<Identity | null> {
  if (authorization === undefined) return null;
  const [kind, id] = authorization.replace(/^Bearer /, '').split(':');
  if (kind === 'user' && id) return testIdentity(id);
  if (kind === 'key' && id) return { ...testIdentity('key-owner'), credential: { kind: 'apiKey', id } };
  // What an unreachable users subgraph looks like to the gateway.
  if (kind === 'unverifiable') throw new Error('connect ECONNREFUSED 127.0.0.1:4001');
  throw new InvalidCredentials('unknown test credential');
}

export interface ProtectedGatewayOptions {
  readonly protection?: Partial<ProtectionSettings>;
  readonly trustedDocuments?: TrustedDocumentManifest;
  readonly production?: boolean;
  readonly metricsToken?: string;
}

/** A gateway over the toy subgraph with the given protection settings; Redis keys unique to it. */
export async function startProtectedGateway(
  toy: ToySubgraph,
  options: ProtectedGatewayOptions = {},
): Promise<RunningGateway> {
  return startGateway({
    port: 0,
    logger: silentLogger(),
    supergraphSdl: toy.supergraphSdl,
    subgraphUrls: toy.urls,
    callerTokens: testCallerTokens,
    authenticator: { authenticate },
    ...(options.production === undefined ? {} : { production: options.production }),
    ...(options.trustedDocuments ? { trustedDocuments: options.trustedDocuments } : {}),
    metricsToken: options.metricsToken,
    protection: {
      ...defaultProtectionSettings(options.production),
      redisKeyPrefix: `test:gateway:${randomUUID()}:`,
      ...options.protection,
    },
  });
}

/**
 * The toy subgraph for one test file and the gateways its tests start over it, each with settings
 * of its own; disposing stops them all.
 */
export interface ToyWithGateways extends AsyncDisposable {
  readonly toy: ToySubgraph;
  /** A gateway over the toy, or over `toy` (a variant of it): see `startProtectedGateway`. */
  startGateway(options?: ProtectedGatewayOptions, toy?: ToySubgraph): Promise<RunningGateway>;
  /** Stops the gateways started so far: after each test, when each starts its own. */
  stopGateways(): Promise<void>;
}

export async function startToyWithGateways(): Promise<ToyWithGateways> {
  const toy = await startToySubgraph();
  const gateways: RunningGateway[] = [];
  const stopGateways = async () => {
    await Promise.all(gateways.splice(0).map((gateway) => gateway.stop()));
  };
  return {
    toy,
    async startGateway(options = {}, over = toy) {
      const gateway = await startProtectedGateway(over, options);
      gateways.push(gateway);
      return gateway;
    },
    stopGateways,
    async [Symbol.asyncDispose]() {
      await stopGateways();
      await toy.stop();
    },
  };
}

/** The toy subgraph and one protected gateway over it, for one test file; disposing stops both. */
export interface ToyGateway extends AsyncDisposable {
  readonly toy: ToySubgraph;
  readonly gateway: RunningGateway;
  /** The gateway's GraphQL endpoint. */
  readonly url: string;
}

/** Starts the toy subgraph, then a gateway over it with `options` (see `startProtectedGateway`). */
export async function startToyGateway(options: ProtectedGatewayOptions = {}): Promise<ToyGateway> {
  const started = await startToyWithGateways();
  try {
    const gateway = await started.startGateway(options);
    return {
      toy: started.toy,
      gateway,
      url: gateway.url,
      [Symbol.asyncDispose]: () => started[Symbol.asyncDispose](),
    };
  } catch (error) {
    await started[Symbol.asyncDispose]();
    throw error;
  }
}

export interface GraphQLResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/** POSTs one GraphQL request (JSON) and reads the JSON answer. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphQLResponse['body'],
  };
}

/** The `extensions.code` of the first error. */
export const codeOf = (response: GraphQLResponse): unknown => response.body.errors?.[0]?.extensions?.['code'];
