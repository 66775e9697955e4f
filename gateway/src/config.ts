import { CallerTokens, MIN_SECRET_LENGTH } from '@mib/auth';
import { loadConfig, logLevel, nodeEnv, port, secretList, urlWithProtocol, z } from '@mib/config';
import { subgraphCatalog } from './compose/subgraphCatalog.js';
import { protectionEnvironment, protectionSettings, type ProtectionSettings } from './protection/index.js';

const subgraphUrlVariable = (name: string) => `SUBGRAPH_${name.toUpperCase().replace(/-/g, '_')}_URL`;

const gatewayEnvironment = z.object({
  /** Port for /graphql (HTTP and WebSocket), /health and /metrics. */
  PORT: port(4000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: logLevel(),
  NODE_ENV: nodeEnv(),
  /** Secrets caller tokens are signed with, newest first; every subgraph gets the same list. */
  CALLER_TOKEN_SECRETS: secretList(MIN_SECRET_LENGTH),
  /** Bearer token /metrics (and /health's detail) ask for; unset: open, as in development. */
  METRICS_TOKEN: z.string().min(16).optional(),
  // Rate limits, operation limits, trusted documents, CORS…: see protection/protectionConfig.ts.
  ...protectionEnvironment,
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
  readonly callerTokens: CallerTokens;
  /** Subgraph name → URL, only for the subgraphs whose URL is overridden. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly protection: ProtectionSettings;
  readonly metricsToken: string | undefined;
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
    callerTokens: new CallerTokens(config.CALLER_TOKEN_SECRETS),
    subgraphUrls,
    protection: protectionSettings(config, config.NODE_ENV === 'production'),
    metricsToken: config.METRICS_TOKEN,
  };
}
