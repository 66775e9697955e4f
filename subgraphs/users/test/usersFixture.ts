import { TOTP } from 'otpauth';
import { type Identity, IDENTITY_HEADER } from '@mib/auth';
import { testCallerTokens, testIdentity } from '@mib/auth/testing';
import { createTestDatabase, type TestDatabase } from '@mib/db/testing';
import type { RunningService } from '@mib/subgraph-kit';
import { graphqlRequest, startSubgraphForTest, type GraphQLResponse } from '@mib/subgraph-kit/testing';
import { createUsersSubgraph, type UsersOptions } from '../src/index.js';

/** scrypt at N=2^10: the same code path as production's 2^17, at a thousandth of the memory. */
export const TEST_PASSWORD_COST = { logN: 10, r: 8, p: 1 } as const;

export interface UsersFixture extends AsyncDisposable {
  readonly db: TestDatabase;
  readonly subgraph: RunningService;
  /** The subgraph's origin, for its HTTP routes. */
  readonly origin: string;
  /** One operation as the gateway sends it: for `identity` (default anonymous) from `clientIp`. */
  request<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: { identity?: Identity | null; clientIp?: string },
  ): Promise<GraphQLResponse<Data>>;
  /** `logIn` from `clientIp`, by default a fresh one: a per-IP login budget of its own. */
  logIn(input: LogInInput, clientIp?: string): Promise<GraphQLResponse<{ logIn: AuthResult }>>;
  /** `refresh`: trades a refresh token for the session's next token pair. */
  refresh(refreshToken: string): Promise<GraphQLResponse<{ refresh: AuthResult }>>;
  /** The value of the sample `name` with `labels` on the subgraph's `/metrics`, as scraped now. */
  metric(name: string, labels: Readonly<Record<string, string>>): Promise<number | undefined>;
}

export interface LogInInput {
  readonly email: string;
  readonly password: string;
  readonly totpCode?: string;
  readonly recoveryCode?: string;
}

/** A migrated database and a users subgraph over it with test costs; `await using` ends both. */
export async function startUsersFixture(options: Partial<UsersOptions> = {}): Promise<UsersFixture> {
  const db = await createTestDatabase();
  const subgraph = await startSubgraphForTest(
    createUsersSubgraph({
      passwordCost: TEST_PASSWORD_COST,
      loginsPerAccount: { capacity: 100, refillPerSecond: 1 },
      loginsPerClientIp: { capacity: 1000, refillPerSecond: 10 },
      ...options,
    }),
    db.prisma,
  );
  const request: UsersFixture['request'] = (query, variables = {}, caller = {}) =>
    graphqlRequest(subgraph.url, query, variables, {
      [IDENTITY_HEADER]: testCallerTokens.sign({
        identity: caller.identity ?? null,
        clientIp: caller.clientIp ?? '127.0.0.1',
      }),
    });
  return {
    db,
    subgraph,
    origin: new URL(subgraph.url).origin,
    request,
    logIn: (input, clientIp = freshClientIp()) => request(LOG_IN, { input }, { clientIp }),
    refresh: (refreshToken) => request(REFRESH, { t: refreshToken }),
    metric: async (name, labels) =>
      sampleValue(await (await fetch(new URL('/metrics', subgraph.url))).text(), name, labels),
    async [Symbol.asyncDispose]() {
      await subgraph[Symbol.asyncDispose]();
      await db[Symbol.asyncDispose]();
    },
  };
}

/** The value of the sample `name` whose labels include `labels`, in Prometheus' text format. */
function sampleValue(
  exposition: string,
  name: string,
  labels: Readonly<Record<string, string>>,
): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (match?.[1] !== name) continue;
    const present = new Map(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]),
    );
    if (Object.entries(labels).every(([label, value]) => present.get(label) === value))
      return Number(match[3]);
  }
  return undefined;
}

/**
 * A login budget that does not refill within a test: `capacity` attempts, then RATE_LIMITED, so
 * a test can count exactly.
 */
export const burstOnly = (capacity: number) => ({ capacity, refillPerSecond: 0.001 });

let clientIps = 0;

/** Another client address on every call, so two callers never share a per-IP login budget. */
export const freshClientIp = (): string => `10.1.${Math.floor(clientIps / 250)}.${(clientIps++ % 250) + 1}`;

export const AUTH_FIELDS = `accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email role }`;

export interface AuthResult {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; email: string; role: string };
}

/** The session (refresh-token family) an access token belongs to: its `sid` claim. */
export const sessionIdOf = (accessToken: string): string =>
  (JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string }).sid;

/** The identity the gateway derives from this session's access token. */
export const sessionIdentityOf = (auth: AuthResult): Identity => ({
  ...testIdentity(auth.user.id),
  credential: { kind: 'session', id: sessionIdOf(auth.accessToken) },
});

export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`;
export const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { ${AUTH_FIELDS} } }`;
export const REFRESH = `mutation($t: String!) { refresh(refreshToken: $t) { ${AUTH_FIELDS} } }`;

/** The password every test account signs up with, unless a test says otherwise. */
export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * Signs up a fresh account (each from its own client address, so sign-ups never use up a
 * test's per-IP login budget) and returns its tokens; fails the test on any error.
 */
export async function signUpUser(
  fixture: UsersFixture,
  email: string,
  password = TEST_PASSWORD,
): Promise<AuthResult> {
  const response = await fixture.request<{ signUp: AuthResult }>(
    SIGN_UP,
    {
      input: { email, password, displayName: email.split('@')[0] },
    },
    { clientIp: freshClientIp() },
  );
  if (!response.data?.signUp) throw new Error(JSON.stringify(response.errors));
  return response.data.signUp;
}

/**
 * Turns TOTP on for the session's user (enrol, then confirm with the current code and their
 * password) and returns the authenticator; confirmation spends the current step's code.
 */
export async function enableTotp(
  fixture: UsersFixture,
  identity: Identity,
  currentPassword = TEST_PASSWORD,
): Promise<TOTP> {
  const enrolled = await fixture.request<{ enrolTotp: { secret: string } }>(
    'mutation { enrolTotp { secret } }',
    {},
    { identity },
  );
  if (!enrolled.data) throw new Error(JSON.stringify(enrolled.errors));
  const totp = new TOTP({ secret: enrolled.data.enrolTotp.secret, period: 30 });
  const confirmed = await fixture.request(
    'mutation($code: String!, $password: String!) { confirmTotp(code: $code, currentPassword: $password) { codes } }',
    { code: totp.generate(), password: currentPassword },
    { identity },
  );
  if (confirmed.errors) throw new Error(JSON.stringify(confirmed.errors));
  return totp;
}
