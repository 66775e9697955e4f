export { usersSubgraph, createUsersSubgraph, USERS_SUBGRAPH } from './server.js';
export { DEFAULT_USERS_OPTIONS, type UsersOptions } from './usersOptions.js';
export { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './credentials/accessTokens.js';
export { JWKS_PATH, SESSION_LIVENESS_PATH, VERIFY_API_KEY_PATH } from './routes/usersRoutes.js';
export { usersDataKeys, requireDataKeysInProduction } from './usersEnvironment.js';
export { LoginMetrics, type LoginOutcome, type ThrottleLimit } from './accounts/loginMetrics.js';
