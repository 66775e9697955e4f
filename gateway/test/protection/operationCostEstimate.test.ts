import { buildSchema, getVariableValues, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readCostDirectives } from '../../src/protection/costDirectives.js';
import { estimateOperationCost, fragmentsOf } from '../../src/protection/operationCost.js';

/** A supergraph-shaped SDL: the cost spec linked as composition links it. */
const sdl = `
  directive @link(url: String, as: String, import: [String]) repeatable on SCHEMA
  directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  schema @link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"]) { query: Query mutation: Mutation }

  type Query {
    search(text: String!, limit: Int @cost(weight: 2)): [Result!]! @listSize(assumedSize: 5)
    node: Node
    stock: Stock
    page(first: Int): Page @listSize(slicingArguments: ["first"], sizedFields: ["stocks"])
  }
  type Page { stocks: [Stock!]! }
  union Result = Stock | News
  interface Node { id: ID! }
  type Stock implements Node @cost(weight: 4) { id: ID! price: Float! }
  type News implements Node { id: ID! title: String! }
  input Filter { deep: Boolean @cost(weight: 7) }
  type Mutation { screen(filter: Filter): Int! }
`;
const schema = buildSchema(sdl);
const directives = readCostDirectives(sdl);

function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = fragmentsOf(document);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw new Error(coerced.errors.map((error) => error.message).join('; '));
  return estimateOperationCost({
    schema,
    operation,
    fragments,
    variables: coerced.coerced,
    directives,
    defaultListSize: 10,
  });
}

describe('estimateOperationCost', () => {
  it("sizes a list by its assumedSize, and a union's items cost 1 each", () => {
    expect(costOf('{ search(text: "a") { ... on Stock { price } ... on News { title } } }')).toBe(5);
  });

  it('takes an object type’s @cost weight where a field returns it', () => {
    expect(costOf('{ stock { price } }')).toBe(4);
    expect(costOf('{ node { id } }')).toBe(1);
  });

  it('adds the weight of a given argument once, not per item', () => {
    expect(costOf('{ search(text: "a", limit: 3) { __typename } }')).toBe(7);
  });

  it('adds weighted input fields, literal or from variables, and 10 for a mutation', () => {
    expect(costOf('mutation { screen(filter: { deep: true }) }')).toBe(17);
    expect(costOf('mutation($f: Filter) { screen(filter: $f) }', { f: { deep: false } })).toBe(17);
    expect(costOf('mutation { screen }')).toBe(10);
  });

  it('costs a fragment spread many times as often as it is spread', () => {
    expect(costOf('{ a: stock { ...S } b: stock { ...S } } fragment S on Stock { price }')).toBe(8);
  });

  it('costs fragments spread over and over under a sized connection once each, not once per path', () => {
    // 2^22 paths to the innermost fragment, 22 fragment definitions: a 700-character document.
    const levels = 22;
    let fragments = `fragment F${levels} on Page { stocks { id } }`;
    for (let level = levels - 1; level >= 0; level--)
      fragments += ` fragment F${level} on Page { ...F${level + 1} ...F${level + 1} }`;
    const started = Date.now();
    expect(costOf(`{ page(first: 3) { ...F0 } } ${fragments}`)).toBe(1 + 2 ** levels * 3 * 4);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('counts a negative slicing argument as no items, so it cannot offset the cost of other fields', () => {
    expect(costOf('{ page(first: -1000) { stocks { id } } }')).toBe(1);
    expect(costOf('query($n: Int) { a: page(first: $n) { stocks { id } } b: stock }', { n: -1000 })).toBe(5);
  });
});
