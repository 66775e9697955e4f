import { loadConfig, logLevel, nodeEnv, port, urlWithProtocol, z } from '@mib/config';
import { subgraphCatalog } from './compose/subgraphCatalog.js';

const subgraphUrlVariable = (name: string) => `SUBGRAPH_${name.toUpperCase().replace(/-/g, '_')}_URL`;

const gatewayEnvironment = z.object({
  /** Port for /graphql (HTTP and WebSocket), /health and /metrics. */
  PORT: port(4000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: logLevel(),
  NODE_ENV: nodeEnv(),
  // SUBGRAPH_USERS_URL … SUBGRAPH_RISK_URL: where each subgraph listens (defaults: supergraph.graphql).
  ...Object.fromEntries(
    subgraphCatalog.map((s) => [subgraphUrlVariable(s.name), urlWithProtocol('http', 'https').optional()]),
  ),
});

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  readonly production: boolean;
  /** Subgraph name → URL, only for the subgraphs whose URL is overridden. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
}

export function loadGatewayConfig(env?: Readonly<Record<string, string | undefined>>): GatewayConfig {
  const config = loadConfig('gateway', gatewayEnvironment, env);
  const values = config as Record<string, unknown>;
  const subgraphUrls: Record<string, string> = {};
  for (const { name } of subgraphCatalog) {
    const url = values[subgraphUrlVariable(name)];
    if (typeof url === 'string') subgraphUrls[name] = url;
  }
  return {
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    production: config.NODE_ENV === 'production',
    subgraphUrls,
  };
}
