import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The checked-in composed schema; `npm run compose` writes it, CI fails when it is stale. */
export const supergraphFile = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

export const readSupergraph = (): string => readFileSync(supergraphFile, 'utf8');

/**
 * The supergraph as `@apollo/gateway` and its query planner accept it. They refuse any feature
 * linked `for: SECURITY` (`@authenticated`, `@requiresScopes`), which only Apollo's router
 * implements. Here the subgraphs themselves enforce those directives on every field (see
 * `enforceAuthorizationDirectives` in the subgraph kit), so the gateway may plan without them:
 * the links stay, marked as plain metadata.
 */
export const executableSupergraph = (supergraphSdl: string): string =>
  supergraphSdl.replace(/(@link\([^)]*?),\s*for:\s*SECURITY\s*\)/g, '$1)');
