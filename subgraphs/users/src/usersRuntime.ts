import type { PrismaClient } from '@mib/db';
import { createRateLimiter, type RateLimiter } from '@mib/rate-limit';
import type { PlatformServices } from '@mib/subgraph-kit';
import type { LoginMetrics } from './accounts/loginMetrics.js';
import { DataSealer } from './credentials/dataSealing.js';
import { PasswordHasher } from './credentials/passwordHasher.js';
import { SigningKeys } from './credentials/signingKeys.js';
import { PostgresSessionStore } from './sessions/postgresSessionStore.js';
import { RedisSessionStore } from './sessions/redisSessionStore.js';
import type { SessionStore } from './sessions/sessionStore.js';
import type { UsersOptions } from './usersOptions.js';

/** What the users subgraph keeps for the life of the process: keys, sessions, throttles. */
export interface UsersRuntime {
  readonly options: UsersOptions;
  readonly passwords: PasswordHasher;
  /** Seals signing keys and TOTP secrets at rest. */
  readonly sealer: DataSealer;
  readonly signingKeys: SigningKeys;
  readonly sessions: SessionStore;
  readonly throttle: RateLimiter;
  /** Counts login outcomes and throttle refusals; one per subgraph, whatever the database. */
  readonly logins: LoginMetrics;
}

/** One runtime per database client, shared by the GraphQL context and the HTTP routes. */
export function usersRuntimeFactory(options: UsersOptions, logins: LoginMetrics) {
  const runtimes = new WeakMap<PrismaClient, UsersRuntime>();
  const sealer = new DataSealer(options.dataKeys);
  return (prisma: PrismaClient, services: PlatformServices | undefined): UsersRuntime => {
    let runtime = runtimes.get(prisma);
    if (!runtime) {
      const redis = services?.redis;
      runtime = {
        options,
        passwords: new PasswordHasher(options.passwordCost),
        sealer,
        signingKeys: new SigningKeys(
          prisma,
          {
            rotationPeriodMs: options.signingKeyRotationMs,
            tokenLifetimeMs: options.accessTokenLifetimeMs,
            cacheMs: 60_000,
          },
          sealer,
        ),
        sessions: redis
          ? new RedisSessionStore(redis, `${options.redisPrefix}sessions:`)
          : new PostgresSessionStore(prisma),
        throttle: createRateLimiter({ redis, prefix: `${options.redisPrefix}logins:` }),
        logins,
      };
      runtimes.set(prisma, runtime);
    }
    return runtime;
  };
}
