import {
  isTypeDefinitionNode,
  isTypeExtensionNode,
  Kind,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
} from 'graphql';

/** `@listSize` on a field: how many items a list field (or its `sizedFields`) returns. */
export interface ListSize {
  readonly assumedSize: number | undefined;
  readonly slicingArguments: readonly string[];
  readonly sizedFields: readonly string[];
  readonly requireOneSlicingArgument: boolean;
}

/**
 * The `@cost` and `@listSize` directives of a supergraph (Apollo's cost spec v0.1, after IBM's
 * GraphQL Cost Directives), keyed by coordinate: `Type`, `Type.field`, `Type.field(argument)`,
 * `Input.field`.
 */
export interface CostDirectives {
  readonly weights: ReadonlyMap<string, number>;
  readonly listSizes: ReadonlyMap<string, ListSize>;
}

const COST_SPEC = /^https:\/\/specs\.apollo\.dev\/cost\/v0\.\d+$/;

/**
 * Names the directives carry in this supergraph. Composition links the cost spec as
 * `@link(url: ".../cost/v0.1", import: ["@listSize"])`: `@cost` keeps the spec's own name and
 * unimported directives are prefixed (`cost__listSize`); `as` renames either.
 */
function directiveNames(document: DocumentNode): { cost: string; listSize: string } | null {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const args = Object.fromEntries(
        (link.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]),
      );
      if (typeof args['url'] !== 'string' || !COST_SPEC.test(args['url'])) continue;
      const specName = typeof args['as'] === 'string' ? args['as'] : 'cost';
      const imports = Array.isArray(args['import']) ? (args['import'] as unknown[]) : [];
      const imported = (name: string): string | undefined => {
        for (const entry of imports) {
          if (entry === `@${name}`) return name;
          if (
            typeof entry === 'object' &&
            entry !== null &&
            (entry as { name?: unknown }).name === `@${name}`
          ) {
            const as = (entry as { as?: unknown }).as;
            return typeof as === 'string' ? as.replace(/^@/, '') : name;
          }
        }
        return undefined;
      };
      return {
        cost: imported('cost') ?? specName,
        listSize: imported('listSize') ?? `${specName}__listSize`,
      };
    }
  }
  return null;
}

const argumentsOf = (directive: ConstDirectiveNode): Record<string, unknown> =>
  Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Reads every `@cost` and `@listSize` of a composed supergraph SDL. */
export function readCostDirectives(supergraphSdl: string): CostDirectives {
  const document = parse(supergraphSdl);
  const weights = new Map<string, number>();
  const listSizes = new Map<string, ListSize>();
  const names = directiveNames(document);
  if (!names) return { weights, listSizes };

  const record = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) {
      const args = argumentsOf(directive);
      if (directive.name.value === names.cost && typeof args['weight'] === 'number')
        weights.set(coordinate, args['weight']);
      if (directive.name.value === names.listSize)
        listSizes.set(coordinate, {
          assumedSize: typeof args['assumedSize'] === 'number' ? args['assumedSize'] : undefined,
          slicingArguments: strings(args['slicingArguments']),
          sizedFields: strings(args['sizedFields']),
          // The spec's default: a list sliced by arguments must be given exactly one of them.
          requireOneSlicingArgument: args['requireOneSlicingArgument'] !== false,
        });
    }
  };
  const recordFields = (
    type: string,
    fields: readonly (FieldDefinitionNode | InputValueDefinitionNode)[],
  ) => {
    for (const field of fields) {
      record(`${type}.${field.name.value}`, field.directives);
      if (field.kind === Kind.FIELD_DEFINITION)
        for (const argument of field.arguments ?? [])
          record(`${type}.${field.name.value}(${argument.name.value})`, argument.directives);
    }
  };

  for (const definition of document.definitions) {
    if (!isTypeDefinitionNode(definition) && !isTypeExtensionNode(definition)) continue;
    const type = definition.name.value;
    record(type, definition.directives);
    if ('fields' in definition && definition.fields) recordFields(type, definition.fields);
  }
  return { weights, listSizes };
}
