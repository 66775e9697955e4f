import { fileURLToPath } from 'node:url';

/** One subgraph of the supergraph: where its contract lives and where it listens by default. */
export interface SubgraphEntry {
  readonly name: string;
  readonly schemaFile: string;
  /** The URL baked into supergraph.graphql; deployments override it (SUBGRAPH_<NAME>_URL). */
  readonly defaultUrl: string;
}

const schemaOf = (folder: string) =>
  fileURLToPath(new URL(`../../../subgraphs/${folder}/src/schema.graphql`, import.meta.url));

/** The five domain subgraphs, in the order of their ports (4001–4005). */
export const subgraphCatalog: readonly SubgraphEntry[] = [
  { name: 'users', schemaFile: schemaOf('users'), defaultUrl: 'http://127.0.0.1:4001/graphql' },
  { name: 'market-data', schemaFile: schemaOf('market-data'), defaultUrl: 'http://127.0.0.1:4002/graphql' },
  { name: 'orders', schemaFile: schemaOf('orders'), defaultUrl: 'http://127.0.0.1:4003/graphql' },
  { name: 'portfolio', schemaFile: schemaOf('portfolio'), defaultUrl: 'http://127.0.0.1:4004/graphql' },
  { name: 'risk', schemaFile: schemaOf('risk'), defaultUrl: 'http://127.0.0.1:4005/graphql' },
];
