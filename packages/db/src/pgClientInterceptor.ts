import pg from 'pg';

/**
 * Sees every query a node-postgres client runs, after it completes: the arguments it was given
 * and its outcome. Returns the result to hand to the caller (usually `result` itself).
 */
export type QueryInterceptor = (call: {
  readonly args: readonly unknown[];
  readonly startedAt: number;
  readonly error: unknown;
  readonly result: unknown;
}) => unknown;

/**
 * A `pg.Client` subclass for a pool's `Client` option that passes every query through
 * `intercept`. Hooking the client rather than Prisma sees exactly what reaches PostgreSQL,
 * transaction control included, whichever adapter or pool path issued it.
 */
export function interceptingClientClass(intercept: QueryInterceptor): typeof pg.Client {
  return class InterceptingClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      const query = this.query.bind(this) as (...args: unknown[]) => unknown;
      this.query = ((...args: unknown[]) => {
        const startedAt = performance.now();
        const callerArgs = [...args];
        // pg.Pool calls its clients with a trailing callback; direct callers get a promise.
        const last = args.at(-1);
        if (typeof last === 'function') {
          const callback = last as (error: unknown, result: unknown) => void;
          args[args.length - 1] = (error: unknown, result: unknown) =>
            callback(error, intercept({ args: callerArgs, startedAt, error, result }));
        }
        const outcome = query(...args);
        if (!(outcome instanceof Promise)) return outcome;
        return outcome.then(
          (result: unknown) => intercept({ args: callerArgs, startedAt, error: undefined, result }),
          (error: unknown) => {
            intercept({ args: callerArgs, startedAt, error, result: undefined });
            throw error;
          },
        );
      }) as pg.Client['query'];
    }
  };
}

/** The SQL text and parameters of a `client.query(...)` call, whichever overload was used. */
export function describeQueryCall(args: readonly unknown[]): { sql: string; params: readonly unknown[] } {
  const [first, second] = args;
  if (typeof first === 'string') return { sql: first, params: Array.isArray(second) ? second : [] };
  const config = (first ?? {}) as { text?: unknown; values?: unknown };
  return {
    sql: typeof config.text === 'string' ? config.text : '',
    params: Array.isArray(second) ? second : Array.isArray(config.values) ? config.values : [],
  };
}
