import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  getVariableValues,
  isEnumType,
  Kind,
  parse,
  typeFromAST,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { describe, expect, it } from 'vitest';
import { persistedDocumentsFile } from '@mib/sdk';
import { executableSupergraph, readSupergraph } from '../../src/supergraph.js';
import { defaultProtectionSettings, loadTrustedDocuments } from '../../src/protection/index.js';
import { readCostDirectives } from '../../src/protection/costDirectives.js';
import { estimateOperationCost, fragmentsOf } from '../../src/protection/operationCost.js';
import { countTokens } from '../../src/protection/operationTokens.js';

/**
 * The operations the front end ships must pass the gateway's default limits, or production
 * (which runs only these) would refuse its own client.
 */
const sdl = readSupergraph();
const schema = Supergraph.build(executableSupergraph(sdl)).apiSchema().toGraphQLJSSchema();
const directives = readCostDirectives(sdl);
const { cost, operationLimits } = defaultProtectionSettings(true);
const documents = [...loadTrustedDocuments(persistedDocumentsFile).values()];

/**
 * Values for the operation's required variables (a request must send them), so the estimate sees
 * every argument as the gateway would; the others stay at their defaults.
 */
function sampleInputs(operation: OperationDefinitionNode): Record<string, unknown> {
  const samples: Record<string, unknown> = {
    String: 'AAPL',
    ID: '00000000-0000-4000-8000-000000000001',
    Int: 1,
    Float: 1,
    Boolean: true,
  };
  const inputs: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.type.kind !== Kind.NON_NULL_TYPE || definition.defaultValue) continue;
    const type = getNamedType(typeFromAST(schema, definition.type));
    const sample: unknown = isEnumType(type) ? type.getValues()[0]?.name : samples[type?.name ?? ''];
    if (sample !== undefined) inputs[definition.variable.name.value] = sample;
  }
  return inputs;
}

describe("the SDK's operations under the default limits", () => {
  it.each(
    documents.map((text) => [
      parse(text).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION)?.name?.value,
      text,
    ]),
  )('%s is valid against the supergraph and within every default limit', (_name, text) => {
    const document = parse(text);
    expect(validate(schema, document)).toEqual([]);
    expect(countTokens(text, operationLimits.maxTokens)).toBeLessThanOrEqual(operationLimits.maxTokens);
    const exceeded: string[] = [];
    const collect = {
      propagateOnRejection: false,
      onReject: [(_: unknown, error: Error) => exceeded.push(error.message)],
    };
    validate(schema, document, [
      maxDepthRule({ n: operationLimits.maxDepth, ...collect }),
      maxAliasesRule({ n: operationLimits.maxAliases, ...collect }),
      maxDirectivesRule({ n: operationLimits.maxDirectives, ...collect }),
    ]);
    expect(exceeded).toEqual([]);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    const fragments = fragmentsOf(document);
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], sampleInputs(operation));
    const estimate = estimateOperationCost({
      schema,
      operation,
      fragments,
      variables: variables.coerced ?? {},
      directives,
      defaultListSize: cost.defaultListSize,
    });
    expect(estimate).toBeGreaterThan(0);
    expect(estimate).toBeLessThanOrEqual(cost.maxCost);
  });

  it('reads the @cost and @listSize directives composed from the subgraphs', () => {
    expect(directives.listSizes.get('Query.instruments')).toEqual({
      assumedSize: undefined,
      slicingArguments: ['first'],
      sizedFields: ['edges'],
      requireOneSlicingArgument: true,
    });
    expect(directives.weights.get('Instrument.indicators')).toBe(20);
  });
});
