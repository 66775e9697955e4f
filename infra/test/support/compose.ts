/** docker-compose.yml, the production-like topology the Kubernetes manifests mirror. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface ComposeService {
  readonly image?: string;
  readonly build?: unknown;
  readonly command?: readonly string[];
  readonly environment?: Readonly<Record<string, string>>;
  readonly ports?: readonly string[];
  /** `host:container[:ro]` mounts. */
  readonly volumes?: readonly string[];
}

const COMPOSE_FILE = fileURLToPath(new URL('../../../docker-compose.yml', import.meta.url));

/** The services with YAML merge keys (`<<: *service`) applied, as docker compose applies them. */
export function composeServices(): Readonly<Record<string, ComposeService>> {
  const file = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  return file.services;
}

/** Services built from infra/Dockerfile, i.e. ours; the rest (databases, Prometheus) are external. */
export const ownServices = (services: Readonly<Record<string, ComposeService>>): string[] =>
  Object.entries(services)
    .filter(([, service]) => service.build !== undefined)
    .map(([name]) => name);

/** Ports a compose service listens on: its `PORT` and `*_PORT` variables and the ports it publishes. */
export function composePorts(service: ComposeService): number[] {
  const published = (service.ports ?? []).map((mapping) => Number(mapping.split(':').at(-1)));
  return [...new Set([...listeningPorts(service.environment ?? {}), ...published])];
}

/** The values of an environment's `PORT` and `*_PORT` variables: where the service listens. */
export const listeningPorts = (environment: Readonly<Record<string, string>>): number[] =>
  Object.entries(environment)
    .filter(([variable]) => /(^|_)PORT$/.test(variable))
    .map(([, value]) => Number(value));
