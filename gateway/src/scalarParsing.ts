import {
  GraphQLError,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';
import { DateTimeScalar, DecimalScalar } from '@mib/subgraph-kit/scalars';

/** The custom scalars the subgraphs define, by name: the one definition of what input they accept. */
const subgraphScalars: ReadonlyMap<string, GraphQLScalarType> = new Map(
  [DecimalScalar, DateTimeScalar].map((scalar) => [scalar.name, scalar]),
);

/**
 * Gives the custom scalars of an API schema built from SDL (where a scalar accepts any value) the
 * input parsing the subgraphs give them, so the gateway refuses a malformed `Decimal` or
 * `DateTime` itself, with the subgraph's BAD_USER_INPUT error, before planning: a literal during
 * validation, a variable while Apollo Gateway checks variables. Otherwise the value reaches the
 * subgraph, whose HTTP 400 the gateway can only report as an internal failure.
 *
 * The types are changed in place: Apollo Gateway checks variables against the very schema object
 * it hands Apollo Server for validation, so a copy would reach only one of them. Serialisation is
 * left alone: results arrive already serialised by the subgraphs. Returns the names of custom
 * scalars the subgraphs define no parsing for (they keep accepting anything).
 */
export function parseScalarsAsSubgraphsDo(schema: GraphQLSchema): string[] {
  const unknown: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isScalarType(type) || isSpecifiedScalarType(type)) continue;
    const definition = subgraphScalars.get(type.name);
    if (!definition) {
      unknown.push(type.name);
      continue;
    }
    type.parseValue = definition.parseValue;
    type.parseLiteral = (literal, variables) => {
      try {
        return definition.parseLiteral(literal, variables);
      } catch (error) {
        // graphql-js's validation reports a GraphQLError from here as it is, without a location;
        // any other error it prefixes with the type expected and the literal found, and places at
        // that literal (`Expected value of type "Decimal!", found 228.5; …`), so the client can see
        // which argument it was.
        throw error instanceof GraphQLError ? new Error(error.message, { cause: error }) : error;
      }
    };
  }
  return unknown;
}
