// `npm run compose`: regenerates gateway/supergraph.graphql from the subgraph schemas.
import { writeFileSync } from 'node:fs';
import { composeSupergraph, CompositionError } from './composeSupergraph.js';
import { supergraphFile } from '../supergraph.js';
import { subgraphCatalog } from './subgraphCatalog.js';

try {
  writeFileSync(supergraphFile, composeSupergraph(subgraphCatalog));
  process.stdout.write(`wrote ${supergraphFile}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof CompositionError ? error.message : String(error)}\n`);
  process.exit(1);
}
