import { beforeAll, describe, expect, it } from 'vitest';
import { composeServices, listeningPorts } from './support/compose.js';
import {
  containerPort,
  named,
  ofKind,
  onlyContainer,
  selects,
  type Autoscaler,
  type Container,
  type DisruptionBudget,
  type Probe,
  type Service,
  type Workload,
} from './support/kube.js';
import {
  containerEnvironment,
  generatedSecrets,
  loadResources,
  readKustomization,
} from './support/kustomization.js';
import { DEPLOYED_SERVICES, readsVariable, refusal, SUBGRAPHS } from './support/serviceConfigs.js';

const kustomization = readKustomization();
const objects = loadResources(kustomization);
const secrets = generatedSecrets(kustomization);
const compose = composeServices();

const workloadOf = (name: string, kind: string) => named<Workload>(objects, kind, name);
const environmentOf = (workload: Workload) => containerEnvironment(onlyContainer(workload), objects, secrets);
const probesOf = ({ readinessProbe, livenessProbe, startupProbe }: Container) =>
  [readinessProbe, livenessProbe, startupProbe].filter((probe): probe is Probe => probe !== undefined);
const probePort = (probe: Probe) => probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;

describe.each(DEPLOYED_SERVICES)('$kind $name', ({ name, kind, load }) => {
  let workload: Workload;
  let container: Container;
  beforeAll(() => {
    workload = workloadOf(name, kind);
    container = onlyContainer(workload);
  });

  it('sets only variables the service reads', () => {
    const environment = environmentOf(workload);
    // A refused environment hides what the service reads (the outcome is the same error).
    expect(refusal(load, environment), 'the service refuses its environment').toBeUndefined();
    const unread = Object.keys(environment).filter((variable) => !readsVariable(load, environment, variable));
    expect(unread).toEqual([]);
  });

  it('provides every variable the service requires in production', () => {
    const environment = environmentOf(workload);
    expect(refusal(load, environment)).toBeUndefined();
    if (readsVariable(load, environment, 'NODE_ENV')) expect(environment['NODE_ENV']).toBe('production');
  });

  it('runs the command docker-compose.yml runs', () => {
    expect([...(container.command ?? []), ...(container.args ?? [])]).toEqual(compose[name]?.command);
  });

  it('runs the image built from infra/Dockerfile', () => {
    expect(kustomization.images?.map((image) => image.name)).toContain(container.image);
  });

  it('runs as a non-root user on a read-only root filesystem, with a writable /tmp for tsx', () => {
    const pod = workload.spec.template.spec;
    expect(pod.securityContext?.runAsNonRoot).toBe(true);
    // The image's `USER node` is a name: the kubelet can check runAsNonRoot only against a number.
    expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
    });
    const tmp = container.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
    expect(pod.volumes?.find((volume) => volume.name === tmp?.name)?.emptyDir).toBeDefined();
  });

  it('requests and limits cpu and memory', () => {
    for (const bound of [container.resources?.requests, container.resources?.limits])
      expect(Object.keys(bound ?? {}).sort()).toEqual(['cpu', 'memory']);
  });
});

describe.each(DEPLOYED_SERVICES.filter((service) => service.kind !== 'Job'))(
  '$name serves',
  ({ name, kind }) => {
    let workload: Workload;
    let container: Container;
    let pod: Workload['spec']['template'];
    beforeAll(() => {
      workload = workloadOf(name, kind);
      container = onlyContainer(workload);
      pod = workload.spec.template;
    });

    it('declares the ports it listens on', () => {
      const ports = listeningPorts(environmentOf(workload));
      expect(ports.length).toBeGreaterThan(0);
      for (const port of ports) expect(containerPort(container, port), `port ${port}`).toBe(port);
    });

    it('has readiness and liveness probes on ports it declares', () => {
      expect(container.readinessProbe).toBeDefined();
      expect(container.livenessProbe).toBeDefined();
      for (const probe of probesOf(container)) {
        const port = probePort(probe);
        expect(
          port === undefined ? undefined : containerPort(container, port),
          JSON.stringify(probe),
        ).toBeDefined();
      }
    });

    it('has a Service whose target ports the container declares', () => {
      const service = named<Service>(objects, 'Service', name);
      expect(selects(service.spec.selector, pod.metadata.labels)).toBe(true);
      for (const { port, targetPort } of service.spec.ports)
        expect(containerPort(container, targetPort ?? port), `${name} Service port ${port}`).toBeDefined();
    });

    it('is scraped by Prometheus on a port it declares', () => {
      const annotations = pod.metadata.annotations ?? {};
      expect(annotations['prometheus.io/scrape']).toBe('true');
      expect(annotations['prometheus.io/path']).toBe('/metrics');
      expect(containerPort(container, Number(annotations['prometheus.io/port']))).toBeDefined();
    });

    it('names its spans after itself', () => {
      expect(environmentOf(workload)['OTEL_SERVICE_NAME']).toBe(name);
    });

    it('has a PodDisruptionBudget', () => {
      const budgets = ofKind<DisruptionBudget>(objects, 'PodDisruptionBudget');
      expect(
        budgets.filter((budget) => selects(budget.spec.selector.matchLabels, pod.metadata.labels)),
      ).toHaveLength(1);
    });
  },
);

describe.each(['gateway', ...SUBGRAPHS.map((subgraph) => subgraph.name)])('%s scales', (name) => {
  it('with a HorizontalPodAutoscaler that owns its replica count', () => {
    const deployment = workloadOf(name, 'Deployment');
    const autoscaler = ofKind<Autoscaler>(objects, 'HorizontalPodAutoscaler').find(
      ({ spec }) => spec.scaleTargetRef.kind === 'Deployment' && spec.scaleTargetRef.name === name,
    );
    expect(autoscaler?.spec.minReplicas).toBeGreaterThanOrEqual(2);
    // A replicas field would reset the autoscaler's choice on every `kubectl apply`.
    expect(deployment.spec.replicas).toBeUndefined();
  });
});

/** The container port a `http://host:port/...` or `host:port` address reaches through a Service. */
function reachedPort(address: string): { service: string; port: number | undefined } {
  const url = new URL(address.includes('://') ? address : `tcp://${address}`);
  const serviceName = url.hostname.split('.')[0] ?? '';
  const service = named<Service>(objects, 'Service', serviceName);
  const servicePort = service.spec.ports.find((p) => p.port === Number(url.port));
  const target = ofKind<Workload>(objects, 'Deployment')
    .concat(ofKind<Workload>(objects, 'StatefulSet'))
    .find((workload) => selects(service.spec.selector, workload.spec.template.metadata.labels));
  const port =
    servicePort && target && containerPort(onlyContainer(target), servicePort.targetPort ?? servicePort.port);
  return { service: serviceName, port: port ?? undefined };
}

describe('addresses between services', () => {
  it('point the gateway at every subgraph Service and its port', () => {
    const environment = environmentOf(workloadOf('gateway', 'Deployment'));
    for (const { name } of SUBGRAPHS) {
      const variable = `SUBGRAPH_${name.toUpperCase().replace(/-/g, '_')}_URL`;
      const url = environment[variable];
      expect(url, variable).toBeDefined();
      const listening = Number(environmentOf(workloadOf(name, 'Deployment'))['PORT']);
      expect(reachedPort(url ?? '')).toEqual({ service: name, port: listening });
    }
  });

  it('point the subgraphs at the engine Service and its gRPC port', () => {
    const engine = environmentOf(workloadOf('engine', 'StatefulSet'));
    for (const { name } of SUBGRAPHS) {
      const engineUrl = environmentOf(workloadOf(name, 'Deployment'))['ENGINE_URL'];
      expect(reachedPort(engineUrl ?? ''), name).toEqual({
        service: 'engine',
        port: Number(engine['ENGINE_PORT']),
      });
    }
  });
});
