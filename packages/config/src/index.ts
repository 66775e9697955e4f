/**
 * One validated configuration per service, read once at start-up.
 *
 * Each service declares a zod object whose keys are environment variable names. `loadConfig`
 * parses the environment against it and fails fast with a message that names every bad or
 * missing variable, so a misconfigured deployment stops before it serves anything.
 */
import { z } from 'zod';

export { z };

/** Thrown when the environment does not satisfy a service's configuration schema. */
export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid configuration for ${service}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Parses `env` (the process environment by default) with `schema`.
 * Empty strings count as unset, so `FOO=` falls back to the default like a missing variable.
 */
export function loadConfig<Schema extends z.ZodObject>(
  service: string,
  schema: Schema,
  env: Environment = process.env,
): z.infer<Schema> {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    return `${variable}: ${issue.message}`;
  });
  throw new ConfigError(service, problems);
}

/** A TCP port; 0 asks the OS for a free one (tests). */
export const port = (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort);

/** A URL with one of the given protocols. */
export const urlWithProtocol = (...protocols: readonly string[]) =>
  z.url().refine((value) => protocols.includes(new URL(value).protocol.replace(/:$/, '')), {
    message: `must be a URL with protocol ${protocols.join(' or ')}`,
  });

/** PostgreSQL connection string. */
export const postgresUrl = () => urlWithProtocol('postgres', 'postgresql');

/** Pino log level. */
export const logLevel = () =>
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');

/** `NODE_ENV`; production turns off introspection and detailed errors unless configured. */
export const nodeEnv = () => z.enum(['development', 'test', 'production']).default('development');

/** Redis connection string (`redis://` or `rediss://`). */
export const redisUrl = () => urlWithProtocol('redis', 'rediss');

/**
 * Comma-separated secrets, newest first (the first signs, all verify, so a secret rotates
 * without downtime), each long enough to be a key.
 */
export const secretList = (minLength: number) =>
  z
    .string()
    .transform((value) => value.split(',').map((secret) => secret.trim()))
    .refine((secrets) => secrets.every((secret) => secret.length >= minLength), {
      message: `every secret needs at least ${minLength} characters`,
    });
