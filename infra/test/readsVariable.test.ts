import { describe, expect, it } from 'vitest';
import { SAMPLE_SECRET } from './support/kustomization.js';
import { DEPLOYED_SERVICES, readsVariable } from './support/serviceConfigs.js';

const loaderOf = (name: string) => {
  const service = DEPLOYED_SERVICES.find((candidate) => candidate.name === name);
  if (!service) throw new Error(`no service ${name}`);
  return service.load;
};

describe('readsVariable', () => {
  const gateway = loaderOf('gateway');
  const env = { CALLER_TOKEN_SECRETS: SAMPLE_SECRET, LOG_LEVEL: 'info', HOST: '0.0.0.0' };

  it('tells the variables a service reads, whether set to their default or not', () => {
    expect(readsVariable(gateway, env, 'LOG_LEVEL')).toBe(true);
    expect(readsVariable(gateway, env, 'HOST')).toBe(true);
    expect(readsVariable(gateway, env, 'CALLER_TOKEN_SECRETS')).toBe(true);
    expect(readsVariable(gateway, env, 'SUBGRAPH_RISK_URL')).toBe(true);
  });

  it('from those it ignores', () => {
    expect(readsVariable(gateway, { ...env, DATABASE_URL: 'postgresql://x/y' }, 'DATABASE_URL')).toBe(false);
    expect(readsVariable(gateway, env, 'SUBGRAPH_MARKETDATA_URL')).toBe(false);
    expect(readsVariable(loaderOf('engine'), {}, 'ENGINE_JOURNAL_DIR')).toBe(true);
    expect(readsVariable(loaderOf('engine'), {}, 'CALLER_TOKEN_SECRETS')).toBe(false);
  });

  it("tells the OTEL_* variables of a service's tracing from misspelt ones and untraced services", () => {
    expect(readsVariable(gateway, env, 'OTEL_EXPORTER_OTLP_ENDPOINT')).toBe(true);
    expect(readsVariable(gateway, env, 'OTEL_SERVICE_NAME')).toBe(true);
    expect(readsVariable(loaderOf('engine'), {}, 'OTEL_TRACES_SAMPLER')).toBe(true);
    expect(readsVariable(gateway, env, 'OTEL_EXPORTER_OTLP_ENDPIONT')).toBe(false);
    const migrate = { DATABASE_URL: 'postgresql://postgres@db:5432/mib' };
    expect(readsVariable(loaderOf('migrate'), migrate, 'OTEL_EXPORTER_OTLP_ENDPOINT')).toBe(false);
  });
});
