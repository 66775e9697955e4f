import { Supergraph } from '@apollo/federation-internals';
import { getVariableValues, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
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
    // Variables at their defaults; the slicing arguments of these documents are literals.
    const variables = getVariableValues(schema, [], {});
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
