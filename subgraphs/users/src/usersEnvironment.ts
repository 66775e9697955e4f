import { nodeEnv, secretList, z } from '@mib/config';
import { MIN_DATA_KEY_LENGTH } from './credentials/dataSealing.js';

/** Why the users subgraph will not run in production without `USERS_DATA_KEYS`. */
export const DATA_KEYS_REQUIRED_IN_PRODUCTION =
  'required in production: without it signing keys and TOTP secrets would be stored in plaintext';

/**
 * `USERS_DATA_KEYS`: comma-separated keys (each ≥ 32 characters, e.g. 32 random bytes in
 * base64url), newest first, that seal signing keys and TOTP secrets at rest. Unset: plaintext.
 */
export const usersDataKeys = () => secretList(MIN_DATA_KEY_LENGTH).optional();

/**
 * Refuses a production configuration without data keys, naming the variable, for any schema
 * that has both `USERS_DATA_KEYS` and `NODE_ENV` (the users process's and the launcher's).
 */
export const requireDataKeysInProduction = (
  config: { USERS_DATA_KEYS?: readonly string[] | undefined; NODE_ENV: string },
  context: z.RefinementCtx,
): void => {
  if (config.NODE_ENV === 'production' && !config.USERS_DATA_KEYS?.length)
    context.addIssue({
      code: 'custom',
      path: ['USERS_DATA_KEYS'],
      message: DATA_KEYS_REQUIRED_IN_PRODUCTION,
    });
};

/** What the users process reads beside the kit's `subgraphEnvironment`. */
export const usersEnvironment = z
  .object({
    USERS_DATA_KEYS: usersDataKeys(),
    NODE_ENV: nodeEnv(),
  })
  .superRefine(requireDataKeysInProduction);
