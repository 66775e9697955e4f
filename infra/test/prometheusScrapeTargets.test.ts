import { describe, expect, it } from 'vitest';
import { composePorts, composeServices, ownServices } from './support/compose.js';
import { prometheusConfig } from './support/monitoring.js';

const compose = composeServices();
const config = prometheusConfig();
const targets = config.scrape_configs.flatMap((job) =>
  job.static_configs.flatMap((staticConfig) =>
    staticConfig.targets.map((target) => ({ job: job.job_name, target })),
  ),
);

/** Where Prometheus finds the rules inside its container, from the compose volume `host:container:ro`. */
const mountedAt = (hostPath: string): string | undefined =>
  compose['prometheus']?.volumes?.map((volume) => volume.split(':')).find(([host]) => host === hostPath)?.[1];

describe('monitoring/prometheus.yml', () => {
  it.each(targets)('$job scrapes $target, a docker-compose service listening there', ({ target }) => {
    const [host = '', port] = target.split(':');
    expect(Object.keys(compose)).toContain(host);
    expect(composePorts(compose[host] ?? {})).toContain(Number(port));
  });

  it('scrapes every service built from infra/Dockerfile that keeps running', () => {
    const scraped = new Set(targets.map(({ target }) => target.split(':')[0]));
    const running = ownServices(compose).filter((name) => (compose[name]?.command ?? []).includes('start'));
    expect(running.filter((name) => !scraped.has(name))).toEqual([]);
  });

  it('loads the rules docker-compose mounts into the Prometheus container', () => {
    expect(config.rule_files).toEqual([mountedAt('./monitoring/rules.yml')]);
    expect(mountedAt('./monitoring/prometheus.yml')).toBe('/etc/prometheus/prometheus.yml');
  });
});
