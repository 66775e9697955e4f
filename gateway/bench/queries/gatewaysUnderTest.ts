/**
 * The three gateways compared, each started the way its users would start it, over the same
 * supergraph (composed with the running subgraphs' URLs) and the same caller-token secret.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { silentLogger } from '@mib/telemetry';
import { benchCallerTokens, signedCallerHeader } from './callerIdentity.js';

export const GATEWAY_KINDS = ['ours', 'apollo', 'hive'] as const;

export type GatewayKind = (typeof GATEWAY_KINDS)[number];

export const GATEWAY_LABELS: Readonly<Record<GatewayKind, string>> = {
  ours: 'ours (startGateway defaults)',
  apollo: 'stock @apollo/gateway',
  hive: 'Hive gateway runtime',
};

export interface GatewaySetup {
  readonly kind: GatewayKind;
  readonly supergraphSdl: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** The caller-token secret the subgraphs verify with. */
  readonly secret: string;
  /**
   * Whether gateways that can share one subgraph request among identical queries in flight do
   * (ours and Hive; stock Apollo Gateway cannot).
   */
  readonly deduplicate: boolean;
}

export interface GatewayUnderTest {
  readonly url: string;
  stop(): Promise<void>;
}

export function startGatewayUnderTest(setup: GatewaySetup): Promise<GatewayUnderTest> {
  switch (setup.kind) {
    case 'ours':
      return startOurs(setup);
    case 'apollo':
      return startStockApollo(setup);
    case 'hive':
      return startHive(setup);
  }
}

/**
 * Ours, with every protection at its default except the rate limits, raised so the bench's one
 * user and one address are never refused: the limiter still checks every request.
 */
async function startOurs(setup: GatewaySetup): Promise<GatewayUnderTest> {
  // Imported here, so the other gateways' processes load none of our code.
  const { startGateway } = await import('../../src/index.js');
  const { defaultProtectionSettings } = await import('../../src/protection/index.js');
  const unlimited = { capacity: 1e9, refillPerSecond: 1e9 };
  const gateway = await startGateway({
    port: 0,
    logger: silentLogger(),
    supergraphSdl: setup.supergraphSdl,
    subgraphUrls: setup.subgraphUrls,
    callerTokens: benchCallerTokens(setup.secret),
    deduplicateSubgraphQueries: setup.deduplicate,
    protection: {
      ...defaultProtectionSettings(),
      rateLimits: { ip: unlimited, user: unlimited, apiKey: unlimited },
    },
  });
  return { url: gateway.url, stop: () => gateway.stop() };
}

/** `@apollo/gateway` in a plain `@apollo/server`, plus only the header subgraphs now demand. */
async function startStockApollo(setup: GatewaySetup): Promise<GatewayUnderTest> {
  const tokens = benchCallerTokens(setup.secret);
  class SignedDataSource extends RemoteGraphQLDataSource {
    override willSendRequest({ request }: Parameters<RemoteGraphQLDataSource['willSendRequest'] & {}>[0]) {
      request.http?.headers.set(...signedCallerHeader(tokens));
    }
  }
  const server = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: withoutSecurityPurpose(setup.supergraphSdl),
      buildService: ({ url }) => new SignedDataSource(url === undefined ? {} : { url }),
    }),
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}

/** Hive Gateway's runtime on a plain `node:http` server, signing each subgraph request. */
async function startHive(setup: GatewaySetup): Promise<GatewayUnderTest> {
  const tokens = benchCallerTokens(setup.secret);
  const runtime = createGatewayRuntime({
    supergraph: setup.supergraphSdl,
    logging: false,
    propagateHeaders: {
      fromClientToSubgraphs: () => Object.fromEntries([signedCallerHeader(tokens)]),
    },
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: setup.deduplicate } } },
  });
  const httpServer = createServer((request, response) => {
    void runtime(request, response);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: async () => {
      await runtime.dispose();
      await new Promise((resolve) => httpServer.close(resolve));
      httpServer.closeAllConnections();
    },
  };
}

/**
 * `@apollo/gateway` refuses a supergraph that links a `for: SECURITY` feature (`@requiresScopes`
 * is enforced only by Apollo Router); without the purpose it loads the same schema and leaves the
 * directives alone. The subgraphs enforce the scopes either way.
 */
const withoutSecurityPurpose = (supergraphSdl: string): string =>
  supergraphSdl.replace(/(@link\(url: "[^"]+"), for: SECURITY\)/g, '$1)');
