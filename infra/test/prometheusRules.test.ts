import { describe, expect, it } from 'vitest';
import { allRules, recordedSeries, ruleExpressions, ruleGroups } from './support/monitoring.js';
import { syntaxErrors } from './support/promql.js';

/** Prometheus' duration syntax (model.ParseDuration): units largest first, each at most once. */
const DURATION = /^(?:\d+y)?(?:\d+w)?(?:\d+d)?(?:\d+h)?(?:\d+m)?(?:\d+s)?(?:\d+ms)?$/;
const SEVERITIES = ['critical', 'warning'];

describe('monitoring/rules.yml', () => {
  it('has named groups of rules, each an alert or a recording, never both', () => {
    const groups = ruleGroups();
    expect(new Set(groups.map((group) => group.name)).size).toBe(groups.length);
    for (const rule of allRules()) {
      expect(
        (typeof rule.alert === 'string') !== (typeof rule.record === 'string'),
        JSON.stringify(rule),
      ).toBe(true);
      expect(typeof rule.expr, JSON.stringify(rule)).toBe('string');
    }
  });

  it('has expressions the PromQL grammar parses without error', () => {
    const errors = ruleExpressions().flatMap(({ where, expr }) =>
      syntaxErrors(expr).map((error) => `${where}: ${error}`),
    );
    expect(errors).toEqual([]);
  });

  it('would notice an expression the grammar refuses', () => {
    expect(syntaxErrors('sum(rate(graphql_requests_total[5m])')).not.toEqual([]);
    expect(syntaxErrors('rate(graphql_requests_total[5m]) >')).not.toEqual([]);
    expect(syntaxErrors('rate(graphql_requests_total[5m]) > 0')).toEqual([]);
  });

  it('records series named level:metric:operation, once each, with nothing to wait for', () => {
    const records = allRules().flatMap((rule) => (typeof rule.record === 'string' ? [rule.record] : []));
    expect(records.length).toBeGreaterThan(0);
    expect(new Set(records).size).toBe(records.length);
    for (const name of records) expect(name).toMatch(/^[a-z_]+:[a-z_]+:[a-z0-9_]+$/);
    expect(recordedSeries().size).toBe(records.length);
    for (const rule of allRules().filter((rule) => typeof rule.record === 'string'))
      expect([rule.for, rule.annotations], String(rule.record)).toEqual([undefined, undefined]);
  });

  describe.each(allRules().filter((rule) => typeof rule.alert === 'string'))('alert $alert', (rule) => {
    it('waits a duration before firing', () => {
      expect(rule.for).toMatch(DURATION);
      expect(rule.for).not.toBe('');
    });

    it('has a severity and says what to look at', () => {
      expect(SEVERITIES).toContain(rule.labels?.['severity']);
      expect(rule.annotations?.['summary']).toEqual(expect.any(String));
      expect(rule.annotations?.['description']).toEqual(expect.stringMatching(/\S{3,}/));
    });
  });

  it('alerts on what the on-call engineer of the platform must know', () => {
    const alerts = allRules().map((rule) => rule.alert);
    for (const alert of [
      'GraphQLErrorRateHigh',
      'GatewayLatencyHigh',
      'SubgraphFetchErrors',
      'AuthenticationFailureSpike',
      'LoginThrottleSurge',
      'RateLimitRejectionSurge',
      'ReadModelLagging',
      'EngineShardDown',
      'EngineCommandRingNearlyFull',
      'EnginePublishLagGrowing',
      'EngineJournalCommitSlow',
      'EngineRejectsSpike',
      'TargetDown',
    ])
      expect(alerts).toContain(alert);
  });
});
