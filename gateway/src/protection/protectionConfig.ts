import { urlWithProtocol, z } from '@mib/config';
import type { RateLimitPolicies } from './rateLimitRequests.js';
import type { AllowedOrigins } from './allowedOrigins.js';
import type { CostLimit } from './costLimit.js';
import type { OperationLimits } from './operationLimits.js';
import type { TrustedDocumentsMode } from './trustedDocuments.js';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const positive = (fallback: number) => z.coerce.number().positive().default(fallback);
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/**
 * The gateway's protection settings as environment variables (merged into the gateway's
 * schema in config.ts). Rate limits are token buckets: BURST requests at once, PER_SECOND
 * sustained.
 */
export const protectionEnvironment = {
  /**
   * Reverse proxies in front of the gateway whose `X-Forwarded-For` entry is believed when
   * telling clients apart (per-address rate limits, `Caller.clientIp`). 0: the socket's address,
   * which behind a load balancer is the balancer's, one bucket for everyone.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** Shared rate-limit buckets and persisted-query cache; unset keeps both in this process. */
  REDIS_URL: urlWithProtocol('redis', 'rediss').optional(),
  /** Prefix of the gateway's Redis keys, so deployments can share one Redis. */
  REDIS_KEY_PREFIX: z.string().default('mib:gateway:'),
  /** Per client address, whoever is calling. */
  RATE_LIMIT_IP_BURST: positiveInt(300),
  RATE_LIMIT_IP_PER_SECOND: positive(50),
  /** Per signed-in user (session tokens). */
  RATE_LIMIT_USER_BURST: positiveInt(120),
  RATE_LIMIT_USER_PER_SECOND: positive(20),
  /** Per API key (automated clients get more room than a person at a screen). */
  RATE_LIMIT_API_KEY_BURST: positiveInt(600),
  RATE_LIMIT_API_KEY_PER_SECOND: positive(100),
  /** Largest request body in bytes; larger ones get 413. */
  MAX_REQUEST_BYTES: positiveInt(100 * 1024),
  MAX_DEPTH: positiveInt(12),
  MAX_ALIASES: positiveInt(15),
  MAX_DIRECTIVES: positiveInt(30),
  MAX_TOKENS: positiveInt(2_000),
  /** Highest estimated cost (`@cost`/`@listSize`) of one operation. */
  MAX_COST: positiveInt(5_000),
  /** Items assumed for a list field that no `@listSize` sizes. */
  COST_DEFAULT_LIST_SIZE: positiveInt(20),
  /** `enforce`: only the SDK's registered documents run (default in production). `apq`: any. */
  TRUSTED_DOCUMENTS: z.enum(['enforce', 'apq']).optional(),
  /** Comma-separated browser origins; unset allows none in production and any otherwise. */
  CORS_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .optional(),
  /** Schema introspection; default on outside production. */
  INTROSPECTION: flag.optional(),
  /** Stack traces in error responses; default on outside production. */
  DETAILED_ERRORS: flag.optional(),
};

type ProtectionVariables = z.infer<z.ZodObject<typeof protectionEnvironment>>;

export interface ProtectionSettings {
  readonly trustedProxyHops: number;
  readonly redisUrl: string | undefined;
  readonly redisKeyPrefix: string;
  readonly rateLimits: RateLimitPolicies;
  readonly maxRequestBytes: number;
  readonly operationLimits: OperationLimits;
  readonly cost: CostLimit;
  readonly trustedDocuments: TrustedDocumentsMode;
  readonly allowedOrigins: AllowedOrigins;
  readonly introspection: boolean;
  readonly detailedErrors: boolean;
}

/** Settings from validated variables; production changes the defaults, never explicit values. */
export function protectionSettings(env: ProtectionVariables, production: boolean): ProtectionSettings {
  return {
    trustedProxyHops: env.TRUST_PROXY,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    rateLimits: {
      ip: { capacity: env.RATE_LIMIT_IP_BURST, refillPerSecond: env.RATE_LIMIT_IP_PER_SECOND },
      user: { capacity: env.RATE_LIMIT_USER_BURST, refillPerSecond: env.RATE_LIMIT_USER_PER_SECOND },
      apiKey: { capacity: env.RATE_LIMIT_API_KEY_BURST, refillPerSecond: env.RATE_LIMIT_API_KEY_PER_SECOND },
    },
    maxRequestBytes: env.MAX_REQUEST_BYTES,
    operationLimits: {
      maxDepth: env.MAX_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxDirectives: env.MAX_DIRECTIVES,
      maxTokens: env.MAX_TOKENS,
    },
    cost: { maxCost: env.MAX_COST, defaultListSize: env.COST_DEFAULT_LIST_SIZE },
    trustedDocuments: env.TRUSTED_DOCUMENTS ?? (production ? 'enforce' : 'apq'),
    allowedOrigins: env.CORS_ORIGINS ?? (production ? [] : 'any'),
    introspection: env.INTROSPECTION ?? !production,
    detailedErrors: env.DETAILED_ERRORS ?? !production,
  };
}

/** The settings with every variable unset: what tests start from. */
export const defaultProtectionSettings = (production = false): ProtectionSettings =>
  protectionSettings(z.object(protectionEnvironment).parse({}), production);
