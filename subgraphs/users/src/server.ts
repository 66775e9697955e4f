import { databaseSubgraph, type DatabaseSubgraph } from '@mib/subgraph-kit';
import { LoginMetrics } from './accounts/loginMetrics.js';
import { createUsersContext } from './context.js';
import { resealStoredSecrets } from './credentials/resealStoredSecrets.js';
import { resolvers } from './resolvers/index.js';
import { usersRoutes } from './routes/usersRoutes.js';
import { DEFAULT_USERS_OPTIONS, type UsersOptions } from './usersOptions.js';
import { DATA_KEYS_REQUIRED_IN_PRODUCTION } from './usersEnvironment.js';
import { usersRuntimeFactory } from './usersRuntime.js';

export const USERS_SUBGRAPH = 'users';

/**
 * The users subgraph: accounts, sign-in, sessions, MFA and API keys, with its JWKS and the
 * gateway's API-key route on the same port. `options` override the production defaults (tests
 * lower the scrypt cost and the throttles). Without `dataKeys` it stores signing keys and TOTP
 * secrets in plaintext, warns once at start, and refuses to start in production.
 */
export function createUsersSubgraph(options: Partial<UsersOptions> = {}): DatabaseSubgraph {
  const settings = { ...DEFAULT_USERS_OPTIONS, ...options };
  const logins = new LoginMetrics();
  const runtimeOf = usersRuntimeFactory(settings, logins);
  const subgraph = databaseSubgraph({
    name: USERS_SUBGRAPH,
    schemaFile: new URL('./schema.graphql', import.meta.url),
    resolvers,
    createContext: (prisma, _identity, services, caller) =>
      createUsersContext(prisma, caller, runtimeOf(prisma, services)),
    metrics: (registry) => logins.registerIn(registry),
    routes: ({ prisma, callerTokens, services }) =>
      usersRoutes(prisma, runtimeOf(prisma, services), callerTokens),
    // At start-up, rotate a signing key that aged past its period while no replica was running.
    background: async (prisma, services) => {
      await runtimeOf(prisma, services).signingKeys.current();
      return [];
    },
  });
  return {
    ...subgraph,
    start: async (prisma, serverOptions, services) => {
      if (settings.dataKeys.length === 0) {
        if (serverOptions.production)
          throw new Error(`${USERS_SUBGRAPH}: USERS_DATA_KEYS is ${DATA_KEYS_REQUIRED_IN_PRODUCTION}`);
        serverOptions.logger.warn(
          { subgraph: USERS_SUBGRAPH },
          'USERS_DATA_KEYS is not set: signing keys and TOTP secrets are stored in plaintext',
        );
      }
      const resealed = await resealStoredSecrets(prisma, runtimeOf(prisma, services).sealer);
      if (resealed.signingKeys + resealed.totpFactors > 0)
        serverOptions.logger.info(
          { subgraph: USERS_SUBGRAPH, ...resealed },
          'sealed stored secrets under the current data key',
        );
      return subgraph.start(prisma, serverOptions, services);
    },
  };
}

export const usersSubgraph = createUsersSubgraph();
