import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The checked-in composed schema; `npm run compose` writes it, CI fails when it is stale. */
export const supergraphFile = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

export const readSupergraph = (): string => readFileSync(supergraphFile, 'utf8');
