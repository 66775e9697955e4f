import { beforeAll, describe, expect, it } from 'vitest';
import { composePorts, composeServices, ownServices } from './support/compose.js';
import { containerPort, named, onlyContainer, type Container, type Workload } from './support/kube.js';
import { containerEnvironment, generatedSecrets, loadResources } from './support/kustomization.js';
import { DEPLOYED_SERVICES, readsVariable } from './support/serviceConfigs.js';

const objects = loadResources();
const secrets = generatedSecrets();
const compose = composeServices();

describe('docker-compose.yml and infra/k8s', () => {
  it('deploy the same services', () => {
    expect(DEPLOYED_SERVICES.map((service) => service.name).sort()).toEqual(ownServices(compose).sort());
  });

  describe.each(DEPLOYED_SERVICES)('$name', ({ name, kind, load }) => {
    let container: Container;
    beforeAll(() => {
      container = onlyContainer(named<Workload>(objects, kind, name));
    });

    it('listens on the same ports', () => {
      for (const port of composePorts(compose[name] ?? {}))
        expect(containerPort(container, port), `port ${port}`).toBe(port);
    });

    it('sets every variable docker-compose sets that the service reads', () => {
      const environment = containerEnvironment(container, objects, secrets);
      const composed = Object.keys(compose[name]?.environment ?? {});
      const read = composed.filter((variable) =>
        readsVariable(load, { ...compose[name]?.environment }, variable),
      );
      expect(read.filter((variable) => !(variable in environment))).toEqual([]);
    });
  });
});
