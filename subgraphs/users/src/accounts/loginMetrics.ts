import { ErrorCode } from '@mib/errors';
import { Counter, type Registry } from '@mib/telemetry';

/** Which budget of the login throttle refused an attempt (loginThrottle.ts). */
export type ThrottleLimit = 'account' | 'client_ip';

/**
 * How one `logIn` past input validation ended. `wrong_credentials` covers an unknown email, a
 * wrong password and a wrong second-factor code alike, as the client's answer does.
 */
export type LoginOutcome = 'succeeded' | 'wrong_credentials' | 'mfa_required' | 'throttled' | 'error';

const THROTTLE_LIMITS: readonly ThrottleLimit[] = ['account', 'client_ip'];
const LOGIN_OUTCOMES: readonly LoginOutcome[] = [
  'succeeded',
  'wrong_credentials',
  'mfa_required',
  'throttled',
  'error',
];

/** The outcome a `logIn` that threw ended with, read off the error's `extensions.code`. */
export function loginOutcomeOf(error: unknown): LoginOutcome {
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  switch (code) {
    case ErrorCode.RATE_LIMITED:
      return 'throttled';
    case ErrorCode.UNAUTHENTICATED:
      return 'wrong_credentials';
    case ErrorCode.MFA_REQUIRED:
      return 'mfa_required';
    default:
      return 'error';
  }
}

/**
 * The users subgraph's sign-in metrics. The counters are made once per subgraph and added to the
 * registry of each start (`registerIn`), so the throttle can count before a registry exists. Every
 * series starts at 0, so `rate()` sees the first refusal. Labels are closed sets.
 */
export class LoginMetrics {
  readonly #throttled = new Counter({
    name: 'users_login_throttled_total',
    help: 'Attempts refused by the login throttle (logins, sign-ups, password changes and resets, TOTP confirmations), by the budget that refused: an attempt both refuse counts under each',
    labelNames: ['limit'],
    registers: [],
  });
  readonly #attempts = new Counter({
    name: 'users_login_attempts_total',
    help: 'logIn attempts past input validation, by outcome (succeeded, wrong_credentials, mfa_required, throttled, error)',
    labelNames: ['outcome'],
    registers: [],
  });

  constructor() {
    for (const limit of THROTTLE_LIMITS) this.#throttled.inc({ limit }, 0);
    for (const outcome of LOGIN_OUTCOMES) this.#attempts.inc({ outcome }, 0);
  }

  /** Adds the counters to `registry`, the one a started subgraph's `/metrics` serves. */
  registerIn(registry: Registry): void {
    registry.registerMetric(this.#throttled);
    registry.registerMetric(this.#attempts);
  }

  throttled(limit: ThrottleLimit): void {
    this.#throttled.inc({ limit });
  }

  loginEnded(outcome: LoginOutcome): void {
    this.#attempts.inc({ outcome });
  }
}
