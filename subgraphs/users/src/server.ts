import { databaseSubgraph } from '@mib/subgraph-kit';
import { createUsersContext } from './context.js';
import { resolvers } from './resolvers/index.js';

export const USERS_SUBGRAPH = 'users';

/** The users subgraph: its contract, resolvers and per-request context. */
export const usersSubgraph = databaseSubgraph({
  name: USERS_SUBGRAPH,
  schemaFile: new URL('./schema.graphql', import.meta.url),
  resolvers,
  createContext: createUsersContext,
});
