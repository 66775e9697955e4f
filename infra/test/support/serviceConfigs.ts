/**
 * Each deployed service's own configuration loader, the judge of which variables its manifest may
 * set and which it must. Loaders are imported from the services' packages, so a variable renamed
 * there fails these tests instead of a rollout.
 */
import { isDeepStrictEqual } from 'node:util';
import { loadConfig, nodeEnv, postgresUrl, z } from '@mib/config';
import { loadEngineConfig } from '@mib/engine';
import { loadGatewayConfig } from '@mib/gateway';
import { subgraphEnvironment } from '@mib/subgraph-kit';
import { requireDataKeysInProduction, usersDataKeys } from '@mib/subgraph-users';
import { loadTracingConfig } from '@mib/telemetry';

type Environment = Readonly<Record<string, string>>;

/** Parses an environment the way the service's process does at start-up; throws when it refuses. */
export type ConfigLoader = (env: Environment) => unknown;

export interface DeployedService {
  /** The docker-compose service and the Kubernetes workload (and Service) of the same name. */
  readonly name: string;
  readonly kind: 'Deployment' | 'StatefulSet' | 'Job';
  readonly load: ConfigLoader;
}

/**
 * A long-running service's loader with the OTEL_* variables its `startTracing` reads beside it
 * (gateway, engine and subgraph processes start tracing; the migrate Job does not).
 */
const traced =
  (name: string, load: ConfigLoader): ConfigLoader =>
  (env) => [load(env), loadTracingConfig(name, env)];

const subgraph = (name: string, defaultPort: number): DeployedService => ({
  name,
  kind: 'Deployment',
  load: traced(name, (env) => loadConfig(name, subgraphEnvironment(defaultPort), env)),
});

/** The users process reads the kit's variables plus its data keys (subgraphs/users/src/main.ts). */
const usersEnvironment = z
  .object({ USERS_DATA_KEYS: usersDataKeys(), NODE_ENV: nodeEnv() })
  .superRefine(requireDataKeysInProduction);

/** `npm run db:migrate` reads only DATABASE_URL (packages/db/src/migrations/applyMigrationsCli.ts). */
const migrateEnvironment = z.object({ DATABASE_URL: postgresUrl() });

export const SUBGRAPHS: readonly DeployedService[] = [
  {
    ...subgraph('users', 4001),
    load: traced('users', (env) => [
      loadConfig('users', subgraphEnvironment(4001), env),
      loadConfig('users', usersEnvironment, env),
    ]),
  },
  subgraph('market-data', 4002),
  subgraph('orders', 4003),
  subgraph('portfolio', 4004),
  subgraph('risk', 4005),
];

export const DEPLOYED_SERVICES: readonly DeployedService[] = [
  { name: 'gateway', kind: 'Deployment', load: traced('gateway', (env) => loadGatewayConfig(env)) },
  ...SUBGRAPHS,
  { name: 'engine', kind: 'StatefulSet', load: traced('engine', (env) => loadEngineConfig({ ...env })) },
  { name: 'migrate', kind: 'Job', load: (env) => loadConfig('migrate', migrateEnvironment, env) },
];

type Outcome =
  { readonly ok: true; readonly config: unknown } | { readonly ok: false; readonly error: string };

function outcome(load: ConfigLoader, env: Environment): Outcome {
  try {
    return { ok: true, config: load(env) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Values that change what a loader returns for any variable it reads (or make it refuse them). */
const PROBES = ['probe-value', '-1', 'https://probe.invalid/'];

/**
 * Whether `load` reads `name`: setting it to some probe value changes the loader's result or
 * makes it refuse the environment. Works through loaders whose schema is not exported; an
 * unknown variable is stripped by zod and changes nothing.
 */
export function readsVariable(load: ConfigLoader, env: Environment, name: string): boolean {
  const { [name]: _ignored, ...without } = env;
  const unset = outcome(load, without);
  return PROBES.some((probe) => !isDeepStrictEqual(outcome(load, { ...without, [name]: probe }), unset));
}

/** Why `load` refuses `env`, or undefined when it starts. */
export function refusal(load: ConfigLoader, env: Environment): string | undefined {
  const result = outcome(load, env);
  return result.ok ? undefined : result.error;
}
