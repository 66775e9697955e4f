import { beforeAll, describe, expect, it } from 'vitest';
import {
  containerPort,
  named,
  onlyContainer,
  type Container,
  type Service,
  type Workload,
} from './support/kube.js';
import { containerEnvironment, generatedSecrets, loadResources } from './support/kustomization.js';

const objects = loadResources();
let engine: Workload;
let container: Container;
let environment: Record<string, string>;
beforeAll(() => {
  engine = named<Workload>(objects, 'StatefulSet', 'engine');
  container = onlyContainer(engine);
  environment = containerEnvironment(container, objects, generatedSecrets());
});

describe('the engine StatefulSet', () => {
  it('runs one replica: each symbol has one writer', () => {
    expect(engine.spec.replicas).toBe(1);
  });

  it('keeps its journal on a persistent volume', () => {
    const journal = container.volumeMounts?.find(
      (mount) => mount.mountPath === environment['ENGINE_JOURNAL_DIR'],
    );
    expect(journal).toBeDefined();
    expect(engine.spec.volumeClaimTemplates?.map((claim) => claim.metadata.name)).toContain(journal?.name);
  });

  it('pins its shard count, which the journal is laid out by', () => {
    expect(Number(environment['ENGINE_SHARDS'])).toBeGreaterThan(0);
  });

  it('is probed with grpc.health.v1 on its gRPC port', () => {
    const grpcPort = Number(environment['ENGINE_PORT']);
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe])
      expect(probe?.grpc?.port).toBe(grpcPort);
  });

  it('declares its metrics port and is scraped there', () => {
    const metricsPort = Number(environment['ENGINE_METRICS_PORT']);
    expect(containerPort(container, metricsPort)).toBe(metricsPort);
    expect(engine.spec.template.metadata.annotations?.['prometheus.io/port']).toBe(String(metricsPort));
  });

  it('is governed by its headless Service', () => {
    const service = named<Service>(objects, 'Service', engine.spec.serviceName ?? '');
    expect((service.spec as { clusterIP?: string }).clusterIP).toBe('None');
  });
});
