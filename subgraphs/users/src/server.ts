import { databaseSubgraph, type DatabaseSubgraph } from '@mib/subgraph-kit';
import { createUsersContext } from './context.js';
import { resolvers } from './resolvers/index.js';
import { usersRoutes } from './routes/usersRoutes.js';
import { DEFAULT_USERS_OPTIONS, type UsersOptions } from './usersOptions.js';
import { usersRuntimeFactory } from './usersRuntime.js';

export const USERS_SUBGRAPH = 'users';

/**
 * The users subgraph: accounts, sign-in, sessions, MFA and API keys, with its JWKS and the
 * gateway's API-key route on the same port. `options` override the production defaults (tests
 * lower the scrypt cost and the throttles).
 */
export function createUsersSubgraph(options: Partial<UsersOptions> = {}): DatabaseSubgraph {
  const runtimeOf = usersRuntimeFactory({ ...DEFAULT_USERS_OPTIONS, ...options });
  return databaseSubgraph({
    name: USERS_SUBGRAPH,
    schemaFile: new URL('./schema.graphql', import.meta.url),
    resolvers,
    createContext: (prisma, _identity, services, caller) =>
      createUsersContext(prisma, caller, runtimeOf(prisma, services)),
    routes: ({ prisma, callerTokens, services }) =>
      usersRoutes(prisma, runtimeOf(prisma, services), callerTokens),
    // At start-up, rotate a signing key that aged past its period while no replica was running.
    background: async (prisma, services) => {
      await runtimeOf(prisma, services).signingKeys.current();
      return [];
    },
  });
}

export const usersSubgraph = createUsersSubgraph();
