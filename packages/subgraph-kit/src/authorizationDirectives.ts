import {
  Kind,
  defaultFieldResolver,
  getNamedType,
  isIntrospectionType,
  isObjectType,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { hasScope, isScope, type Identity, type Scope } from '@mib/auth';
import { forbidden, unauthenticated } from '@mib/errors';

/**
 * Who may resolve a field, from Federation's `@authenticated` and `@requiresScopes` on the
 * field, its parent type or its return type (the supergraph carries the same directives, so
 * clients read the rules where they are enforced).
 */
interface AccessRule {
  readonly authenticated: boolean;
  /** Alternatives: the caller needs every scope of at least one inner list. */
  readonly scopeAlternatives: readonly (readonly Scope[])[];
}

/**
 * Enforces the schema's authorization directives in every resolver, so a subgraph refuses
 * what it must even when called without the gateway's planning (directly, or by a gateway
 * that ignores the directives). `identityOf` reads the caller from a resolver's context.
 */
export function enforceAuthorizationDirectives(
  schema: GraphQLSchema,
  identityOf: (context: unknown) => Identity | null,
): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type) || type.name.startsWith('_')) continue;
    const typeRule = ruleOf(
      [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []),
    );
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue;
      const rule = combine(typeRule, ruleOf(field.astNode?.directives), ruleOf(namedTypeDirectives(field)));
      if (!rule) continue;
      guard(field, rule, identityOf);
    }
  }
  return schema;
}

function guard(
  field: GraphQLField<unknown, unknown>,
  rule: AccessRule,
  identityOf: (context: unknown) => Identity | null,
): void {
  const check = (context: unknown) => authorize(rule, identityOf(context), field.name);
  const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
  field.resolve = (source, args, context, info) => {
    check(context);
    return resolve(source, args, context, info);
  };
  const subscribe = field.subscribe;
  if (subscribe) {
    field.subscribe = (source, args, context, info) => {
      check(context);
      return subscribe(source, args, context, info);
    };
  }
}

function authorize(rule: AccessRule, identity: Identity | null, fieldName: string): void {
  if (!identity) throw unauthenticated(`Sign in to read \`${fieldName}\``);
  if (rule.scopeAlternatives.length === 0) return;
  const allowed = rule.scopeAlternatives.some((scopes) => scopes.every((scope) => hasScope(identity, scope)));
  if (!allowed) {
    const needed = rule.scopeAlternatives.map((scopes) => scopes.join(' and ')).join(', or ');
    throw forbidden(`\`${fieldName}\` needs the scope ${needed}`);
  }
}

function namedTypeDirectives(
  field: GraphQLField<unknown, unknown>,
): readonly ConstDirectiveNode[] | undefined {
  const named: GraphQLNamedType = getNamedType(field.type);
  const extensions = 'extensionASTNodes' in named ? named.extensionASTNodes : [];
  return [named.astNode, ...extensions].flatMap((node) => node?.directives ?? []);
}

function ruleOf(directives: readonly ConstDirectiveNode[] | undefined): AccessRule | null {
  let rule: AccessRule | null = null;
  for (const directive of directives ?? []) {
    if (directive.name.value === 'authenticated')
      rule = combine(rule, { authenticated: true, scopeAlternatives: [] });
    if (directive.name.value === 'requiresScopes')
      rule = combine(rule, { authenticated: true, scopeAlternatives: scopesArgument(directive) });
  }
  return rule;
}

function scopesArgument(directive: ConstDirectiveNode): readonly (readonly Scope[])[] {
  const argument = directive.arguments?.find((arg) => arg.name.value === 'scopes')?.value;
  if (argument?.kind !== Kind.LIST) throw new Error('@requiresScopes needs `scopes: [[...]]`');
  return argument.values.map((inner) => {
    if (inner.kind !== Kind.LIST) throw new Error('@requiresScopes needs a list of lists');
    return inner.values.map((value) => {
      const scope = value.kind === Kind.STRING ? value.value : undefined;
      if (!isScope(scope)) throw new Error(`@requiresScopes names an unknown scope: ${String(scope)}`);
      return scope;
    });
  });
}

/** Both rules must hold: required scope sets multiply out (A or B) and (C) = (A and C) or (B and C). */
function combine(...rules: (AccessRule | null)[]): AccessRule | null {
  let result: AccessRule | null = null;
  for (const rule of rules) {
    if (!rule) continue;
    if (!result) {
      result = rule;
      continue;
    }
    const left: readonly (readonly Scope[])[] = result.scopeAlternatives;
    const right: readonly (readonly Scope[])[] = rule.scopeAlternatives;
    const scopeAlternatives: readonly (readonly Scope[])[] =
      left.length === 0
        ? right
        : right.length === 0
          ? left
          : left.flatMap((a) => right.map((b) => [...new Set([...a, ...b])]));
    result = { authenticated: true, scopeAlternatives };
  }
  return result;
}
