import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CostDirectives, ListSize } from './costDirectives.js';

/** A document's fragment definitions by name, as `estimateOperationCost` takes them. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return fragments;
}

/** A list field sliced by arguments was given none or several of them (`requireOneSlicingArgument`). */
export class SlicingArgumentError extends Error {}

export interface CostEstimateInput {
  readonly schema: GraphQLSchema;
  readonly operation: OperationDefinitionNode;
  readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  /** Coerced variable values. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly directives: CostDirectives;
  /** Items assumed for a list field that no `@listSize` sizes. */
  readonly defaultListSize: number;
}

/** A mutation's own cost before its fields, as in Apollo Router's demand control. */
const MUTATION_BASE_COST = 10;

/**
 * The static cost of an operation, following the IBM GraphQL cost spec as Apollo Router's
 * demand control applies it: a field costs its `@cost` weight, else its type's `@cost`, else 1
 * for an object, interface or union and 0 for a scalar or enum; its selections add to that, and
 * a list multiplies the sum by its size (`@listSize` slicing argument, `assumedSize`, or the
 * default). Arguments and input fields with `@cost` add their weight once. Fragments on several
 * types of an abstract field all count (an upper bound, never an underestimate).
 */
export function estimateOperationCost(input: CostEstimateInput): number {
  const { schema, fragments, variables, directives, defaultListSize } = input;
  const { weights, listSizes } = directives;
  // A fragment's cost depends only on the sizes a parent gives its fields (`sizedFields`), so
  // each is costed once per such sizing: repeated spreads, even of fragments spreading each other
  // under a sized connection, cannot make the estimate itself expensive.
  const fragmentCosts = new Map<string, number>();

  // Arguments whose variables are missing or invalid count as not given; execution refuses
  // such an operation before any subgraph is called.
  const argumentValues = (
    definition: GraphQLField<unknown, unknown>,
    node: FieldNode,
  ): Record<string, unknown> => {
    try {
      return getArgumentValues(definition, node, variables);
    } catch {
      return {};
    }
  };

  const inputCost = (type: GraphQLInputType, value: unknown): number => {
    const nullable = isNonNullType(type) ? type.ofType : type;
    if (value === null || value === undefined) return 0;
    if (isListType(nullable))
      return Array.isArray(value)
        ? value.reduce<number>((sum, item) => sum + inputCost(nullable.ofType, item), 0)
        : 0;
    if (!isInputObjectType(nullable)) return 0;
    let cost = 0;
    for (const [name, field] of Object.entries(nullable.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[name];
      if (fieldValue === undefined) continue;
      cost += (weights.get(`${nullable.name}.${name}`) ?? 0) + inputCost(field.type, fieldValue);
    }
    return cost;
  };

  const sizeFromArguments = (coordinate: string, listSize: ListSize, args: Record<string, unknown>) => {
    const given = listSize.slicingArguments
      .map((name) => args[name])
      .filter((value): value is number => typeof value === 'number');
    if (listSize.requireOneSlicingArgument && listSize.slicingArguments.length > 0 && given.length !== 1)
      throw new SlicingArgumentError(
        `${coordinate} needs exactly one of the arguments ${listSize.slicingArguments.join(', ')}`,
      );
    // A negative slice returns no items; counted as negative it would offset other fields' cost.
    return given.length > 0 ? Math.max(0, ...given) : listSize.assumedSize;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, sizeFromParent: number | undefined) => {
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0; // only __typename on unions
    const definition = parent.getFields()[node.name.value];
    if (!definition) return 0; // __typename and introspection, which cost nothing here
    const coordinate = `${parent.name}.${definition.name}`;
    const type = getNamedType(definition.type);
    const args = argumentValues(definition, node);
    const listSize = listSizes.get(coordinate);
    const size = listSize ? sizeFromArguments(coordinate, listSize, args) : undefined;
    // With sizedFields the slice sizes lists inside the result (a connection's edges), not this field.
    const sizedChildren = listSize?.sizedFields.length ? listSize.sizedFields : undefined;

    let cost = weights.get(coordinate) ?? weights.get(type.name) ?? (isCompositeType(type) ? 1 : 0);
    if (node.selectionSet && isCompositeType(type))
      cost += selectionSetCost(node.selectionSet, type, sizedChildren && { fields: sizedChildren, size });
    if (isListType(getNullableType(definition.type)))
      cost *= sizeFromParent ?? (sizedChildren ? undefined : size) ?? defaultListSize;
    for (const argument of definition.args)
      if (args[argument.name] !== undefined)
        cost +=
          (weights.get(`${coordinate}(${argument.name})`) ?? 0) +
          inputCost(argument.type, args[argument.name]);
    return cost;
  };

  const selectionSetCost = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
    sized?: { fields: readonly string[]; size: number | undefined },
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const sizeFromParent = sized?.fields.includes(selection.name.value) ? sized.size : undefined;
        cost += fieldCost(selection, parent, sizeFromParent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (isCompositeType(type)) cost += selectionSetCost(selection.selectionSet, type, sized);
      } else {
        const fragment = fragments[selection.name.value];
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !isCompositeType(type)) continue;
        const key = sized
          ? `${fragment.name.value}:${sized.fields.join(',')}:${sized.size}`
          : fragment.name.value;
        let fragmentCost = fragmentCosts.get(key);
        if (fragmentCost === undefined) {
          fragmentCost = selectionSetCost(fragment.selectionSet, type, sized);
          fragmentCosts.set(key, fragmentCost);
        }
        cost += fragmentCost;
      }
    }
    return cost;
  };

  const root = schema.getRootType(input.operation.operation);
  if (!root) return 0;
  const base = input.operation.operation === OperationTypeNode.MUTATION ? MUTATION_BASE_COST : 0;
  return base + selectionSetCost(input.operation.selectionSet, root);
}
