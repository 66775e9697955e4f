/**
 * What our gateway's protections cost per request, each step alone on the dashboard document
 * (µs per call, median of 5 batches): the work a request does that stock @apollo/gateway does not.
 *
 *   npx tsx bench/queries/perRequestCosts.ts
 */
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { testCallerTokens, testIdentity } from '@mib/auth/testing';
import { DEMO_TRADER_ID } from '@mib/db';
import { composeSupergraph } from '../../src/compose/composeSupergraph.js';
import { subgraphCatalog } from '../../src/compose/subgraphCatalog.js';
import { executableSupergraph } from '../../src/supergraph.js';
import { operationLimitsCheck } from '../../src/protection/operationLimits.js';
import { costLimitCheck } from '../../src/protection/costLimit.js';
import { countTokens } from '../../src/protection/operationTokens.js';
import { defaultProtectionSettings } from '../../src/protection/index.js';
import { median } from '../percentiles.js';
import { DASHBOARD } from './dashboardQuery.js';

const supergraphSdl = executableSupergraph(composeSupergraph(subgraphCatalog));
const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
const document = parse(DASHBOARD);
const operation = document.definitions.find(
  (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
)!;
const settings = defaultProtectionSettings();
const requestContext = {
  schema,
  document,
  operation,
  request: { variables: { id: DEMO_TRADER_ID } },
} as never;
const limitsCheck = operationLimitsCheck(settings.operationLimits);
const costCheck = costLimitCheck(supergraphSdl, settings.cost);
const caller = { identity: testIdentity(DEMO_TRADER_ID), clientIp: '127.0.0.1' };

const steps: Record<string, () => unknown> = {
  'parse (Apollo caches it per document text)': () => parse(DASHBOARD),
  'validate, standard rules (Apollo caches it too)': () => validate(schema, document),
  'token count (limitOperationTokens, every request)': () =>
    countTokens(DASHBOARD, settings.operationLimits.maxTokens),
  'depth/alias/directive rules (operationLimitsCheck, every request)': () => limitsCheck(requestContext),
  'cost estimate (costLimitCheck, every request)': () => costCheck(requestContext),
  'caller token sign (per subgraph request; all three gateways)': () => testCallerTokens.sign(caller),
};

const CALLS = 2_000;
for (const [name, step] of Object.entries(steps)) {
  const batches: number[] = [];
  for (let batch = 0; batch < 6; batch++) {
    const started = performance.now();
    for (let call = 0; call < CALLS; call++) await step();
    if (batch > 0) batches.push(((performance.now() - started) * 1000) / CALLS);
  }
  process.stdout.write(`${median(batches).toFixed(1).padStart(8)} µs  ${name}\n`);
}
