import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { SubgraphEntry } from './subgraphCatalog.js';

/** Composition failed; `messages` are Apollo's composition errors, one per problem. */
export class CompositionError extends Error {
  constructor(readonly messages: readonly string[]) {
    super(`Supergraph composition failed:\n${messages.map((m) => `  - ${m}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Composes the subgraph schemas into supergraph SDL, or throws with every composition error. */
export function composeSupergraph(subgraphs: readonly SubgraphEntry[]): string {
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.defaultUrl,
      typeDefs: parse(readFileSync(subgraph.schemaFile, 'utf8')),
    })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return result.supergraphSdl;
}
