/**
 * The attack suite: what a hostile client tries against the running platform, through the
 * gateway as any client would (and once around it). Each attempt is refused with a clear code
 * and changes nothing.
 */
import { createClient } from 'graphql-ws';
import { generateKeyPair, SignJWT, decodeProtectedHeader, decodeJwt } from 'jose';
import { TOTP } from 'otpauth';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoInstrumentId } from '@mib/db';
import { errorCodes, graphqlRequest } from '@mib/subgraph-kit/testing';
import { ChangePasswordDocument, persistedQueryExtensions, ResetPasswordDocument } from '@mib/sdk';
import { bearer, LOG_IN, logIn, logInAsDemo, REFRESH, signUp, type Session } from './accounts.js';
import { startPlatformFixture, type PlatformFixture } from './platformFixture.js';

let platform: PlatformFixture;

beforeAll(async () => {
  platform = await startPlatformFixture();
}, 120_000);

afterAll(async () => {
  await platform[Symbol.asyncDispose]();
});

const ME = '{ me { id email } }';
const LOG_OUT = 'mutation($token: String!) { logOut(refreshToken: $token) }';
const PLACE = `mutation($input: PlaceOrderInput!) {
  placeOrder(input: $input) { __typename ... on OrderAccepted { order { id } } }
}`;
const ORDER = 'query($id: ID!) { order(id: $id) { id status } }';
const CANCEL = 'mutation($id: ID!) { cancelOrder(id: $id) { __typename } }';

const me = (headers: Record<string, string>) => graphqlRequest(platform.gatewayUrl, ME, {}, headers);
const orderCount = () => platform.db.prisma.order.count();

/** A one-share limit buy of MSFT at 1 for `session`, far below the market so it rests; its id. */
async function placeRestingBuy(session: Session): Promise<string> {
  const order = {
    instrumentId: demoInstrumentId('MSFT'),
    side: 'BUY',
    type: 'LIMIT',
    price: '1',
    quantity: '1',
  };
  const placed = await graphqlRequest<{ placeOrder: { order?: { id: string } } }>(
    platform.gatewayUrl,
    PLACE,
    { input: order },
    session.headers,
  );
  const orderId = placed.data?.placeOrder.order?.id;
  if (orderId === undefined) throw new Error(`the order was not accepted: ${JSON.stringify(placed)}`);
  return orderId;
}

/** A token with `change` applied to its claims, re-encoded with the original signature. */
function tampered(token: string, change: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  const claims = { ...decodeJwt(token), ...change };
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

/** How the gateway closes a graphql-ws connection that subscribes with these `connectionParams`. */
async function closeCodeFor(connectionParams: Record<string, unknown>): Promise<number> {
  const client = createClient({
    url: platform.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
  });
  try {
    return await new Promise<number>((resolve, reject) => {
      client.subscribe(
        { query: 'subscription { myOrderUpdates { id } }' },
        {
          next: () => reject(new Error('an unauthenticated subscription got data')),
          error: (error) => resolve((error as { code?: number }).code ?? -1),
          complete: () => reject(new Error('an unauthenticated subscription completed')),
        },
      );
    });
  } finally {
    await client.dispose();
  }
}

describe('stolen, forged and stale credentials', () => {
  let alice: Session;

  beforeAll(async () => {
    alice = await signUp(platform.gatewayUrl);
  });

  it('accepts the genuine access token', async () => {
    const response = await me(alice.headers);
    expect(response.data).toEqual({ me: { id: alice.userId, email: alice.email } });
  });

  it('refuses a forged token, a tampered one, one signed with another key, and an expired one', async () => {
    const claims = decodeJwt(alice.accessToken);
    const { kid } = decodeProtectedHeader(alice.accessToken);
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const otherKey = await new SignJWT({ ...claims, role: 'admin', scope: 'admin' })
      .setProtectedHeader({ alg: 'EdDSA', ...(kid ? { kid } : {}) })
      .sign(privateKey);
    const expired = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })
      .setProtectedHeader({ alg: 'EdDSA', ...(kid ? { kid } : {}) })
      .sign(privateKey);
    const attempts = {
      garbage: 'Bearer not-a-token',
      'unsigned (alg none)': `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${alice.accessToken.split('.')[1]}.`,
      'tampered role': `Bearer ${tampered(alice.accessToken, { role: 'admin', scope: 'admin' })}`,
      'signed with another key': `Bearer ${otherKey}`,
      'expired and foreign': `Bearer ${expired}`,
      'made-up API key': 'Bearer mib_0000_secret',
    };
    for (const [attempt, authorization] of Object.entries(attempts)) {
      const response = await me({ authorization });
      expect({ attempt, status: response.status, codes: errorCodes(response) }).toEqual({
        attempt,
        status: 401,
        codes: ['UNAUTHENTICATED'],
      });
    }
  });

  it('refuses a mutation with a bad token before anything is written', async () => {
    const before = await orderCount();
    const response = await graphqlRequest(
      platform.gatewayUrl,
      PLACE,
      {
        input: {
          instrumentId: demoInstrumentId('AAPL'),
          side: 'BUY',
          type: 'LIMIT',
          price: '100',
          quantity: '1',
        },
      },
      bearer(tampered(alice.accessToken, { sub: '00000000-0000-4000-8000-000000000001' })),
    );
    expect(response.status).toBe(401);
    expect(await orderCount()).toBe(before);
  });

  it('ends the whole session when a used refresh token comes back', async () => {
    const first = await graphqlRequest<{ refresh: { refreshToken: string } }>(platform.gatewayUrl, REFRESH, {
      token: alice.refreshToken,
    });
    const rotated = first.data?.refresh.refreshToken;
    expect(rotated).toBeDefined();
    // The thief replays the old token: refused, and the family is revoked...
    const replay = await graphqlRequest(platform.gatewayUrl, REFRESH, { token: alice.refreshToken });
    expect(errorCodes(replay)).toEqual(['UNAUTHENTICATED']);
    // ...so the legitimate holder's newer token no longer works either.
    const afterReuse = await graphqlRequest(platform.gatewayUrl, REFRESH, { token: rotated });
    expect(errorCodes(afterReuse)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an access token once its session has logged out, over HTTP and WebSocket', async () => {
    const logOut = (session: Session, headers: Record<string, string> = session.headers) =>
      graphqlRequest(platform.gatewayUrl, LOG_OUT, { token: session.refreshToken }, headers);
    // Logged out (by its refresh token alone) before the gateway saw the access token: refused at once.
    const unused = await signUp(platform.gatewayUrl);
    expect((await logOut(unused, {})).data).toEqual({ logOut: true });
    expect(errorCodes(await me(unused.headers))).toEqual(['UNAUTHENTICATED']);
    expect(await closeCodeFor(unused.headers)).toBe(4403);
    // In use, then logged out: refused once the gateway's few seconds of liveness have passed.
    const used = await signUp(platform.gatewayUrl);
    expect((await me(used.headers)).data).toEqual({ me: { id: used.userId, email: used.email } });
    await logOut(used);
    await expect
      .poll(async () => errorCodes(await me(used.headers)), { timeout: 10_000, interval: 500 })
      .toEqual(['UNAUTHENTICATED']);
  });

  it("shuts a thief's session out when the owner changes the password", async () => {
    const owner = await signUp(platform.gatewayUrl);
    const thief = await logIn(platform.gatewayUrl, owner.email, owner.password);
    expect((await me(thief.headers)).data).toEqual({ me: { id: owner.userId, email: owner.email } });

    // As a front end sends it: the SDK's registered ChangePassword document, by its hash.
    const newPassword = `${owner.password} and more`;
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...owner.headers },
      body: JSON.stringify({
        variables: { input: { currentPassword: owner.password, newPassword } },
        extensions: persistedQueryExtensions(ChangePasswordDocument),
      }),
    });
    const changed = (await response.json()) as { data?: { changePassword: { accessToken: string } } };
    const renewed = bearer(changed.data?.changePassword.accessToken ?? '');

    // Every earlier session ends, the owner's own too, once the gateway's few seconds of liveness pass.
    for (const ended of [thief, owner])
      await expect
        .poll(async () => errorCodes(await me(ended.headers)), { timeout: 10_000, interval: 500 })
        .toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(await graphqlRequest(platform.gatewayUrl, REFRESH, { token: thief.refreshToken })),
    ).toEqual(['UNAUTHENTICATED']);
    const oldPassword = await graphqlRequest(platform.gatewayUrl, LOG_IN, {
      input: { email: owner.email, password: owner.password },
    });
    expect(errorCodes(oldPassword)).toEqual(['UNAUTHENTICATED']);
    expect((await me(renewed)).data).toEqual({ me: { id: owner.userId, email: owner.email } });
  });

  it('lets a reset from the support desk shut a thief out, once', async () => {
    const owner = await signUp(platform.gatewayUrl);
    const thief = await logIn(platform.gatewayUrl, owner.email, owner.password);
    const desk = await logInAsDemo(platform.gatewayUrl, 'admin');
    const issued = await graphqlRequest<{ issuePasswordReset: { token: string } }>(
      platform.gatewayUrl,
      'mutation($userId: ID!) { issuePasswordReset(userId: $userId) { token } }',
      { userId: owner.userId },
      desk.headers,
    );
    const token = issued.data?.issuePasswordReset.token ?? '';
    // A trader cannot issue one, not even for themself.
    const byTrader = await graphqlRequest(
      platform.gatewayUrl,
      'mutation($userId: ID!) { issuePasswordReset(userId: $userId) { token } }',
      { userId: owner.userId },
      owner.headers,
    );
    expect(errorCodes(byTrader)).toEqual(['FORBIDDEN']);

    // As a front end sends it, signed out: the SDK's registered ResetPassword document.
    const resetWith = (newPassword: string) =>
      fetch(platform.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          variables: { input: { token, newPassword } },
          extensions: persistedQueryExtensions(ResetPasswordDocument),
        }),
      }).then(
        (response) =>
          response.json() as Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>,
      );
    const newPassword = `${owner.password} from the desk`;
    expect(await resetWith(newPassword)).toEqual({ data: { resetPassword: true } });
    const reused = await resetWith(`${newPassword} again`);
    expect(reused.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);

    await expect
      .poll(async () => errorCodes(await me(thief.headers)), { timeout: 10_000, interval: 500 })
      .toEqual(['UNAUTHENTICATED']);
    const renewed = await logIn(platform.gatewayUrl, owner.email, newPassword);
    expect((await me(renewed.headers)).data).toEqual({ me: { id: owner.userId, email: owner.email } });
  });

  it('lets nobody call a subgraph directly, round the gateway', async () => {
    for (const url of Object.values(platform.subgraphUrls)) {
      const response = await graphqlRequest(url, '{ __typename }', {}, alice.headers);
      expect({ url, status: response.status, codes: errorCodes(response) }).toEqual({
        url,
        status: 401,
        codes: ['UNAUTHENTICATED'],
      });
    }
    const forgedHeader = await graphqlRequest(
      platform.subgraphUrls['orders']!,
      '{ __typename }',
      {},
      {
        'x-mib-identity': `v1.${Buffer.from(JSON.stringify({ sub: alice.userId, role: 'admin', scp: ['admin'], ip: null, exp: 4e12 })).toString('base64url')}.AAAA`,
      },
    );
    expect(forgedHeader.status).toBe(401);
  });
});

describe('live connections', () => {
  /** How the gateway ends a graphql-ws connection opened with these `connection_init` params. */

  it('refuses a subscription over the operation limits, as over HTTP', async () => {
    const session = await signUp(platform.gatewayUrl);
    const client = createClient({
      url: platform.gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${session.accessToken}` },
      retryAttempts: 0,
    });
    try {
      // order → user → orders → edges → node → … : four levels a turn, far past the depth limit.
      const turns = 13;
      const deep = `subscription { myOrderUpdates { ${'user { orders { edges { node { '.repeat(turns)}id${' } } } }'.repeat(turns)} } }`;
      const refusal = await new Promise<unknown>((resolve, reject) => {
        client.subscribe(
          { query: deep },
          {
            next: () => reject(new Error('got data')),
            error: resolve,
            complete: () => reject(new Error('completed')),
          },
        );
      });
      expect(JSON.stringify(refusal)).toContain('OPERATION_LIMIT_EXCEEDED');
    } finally {
      await client.dispose();
    }
  });

  it('refuses connection_init without a valid token with 4403 Forbidden', async () => {
    const session = await signUp(platform.gatewayUrl);
    expect(await closeCodeFor({})).toBe(4403);
    expect(await closeCodeFor({ authorization: 'Bearer forged.token.here' })).toBe(4403);
    expect(
      await closeCodeFor({ authorization: `Bearer ${tampered(session.accessToken, { role: 'admin' })}` }),
    ).toBe(4403);
  });
});

describe("other people's things", () => {
  it("refuses another trader's order on read and on cancel, and the order stays open", async () => {
    const [owner, intruder] = [await signUp(platform.gatewayUrl), await signUp(platform.gatewayUrl)];
    const orderId = await placeRestingBuy(owner);

    const read = await graphqlRequest(platform.gatewayUrl, ORDER, { id: orderId }, intruder.headers);
    expect(errorCodes(read)).toEqual(['FORBIDDEN']);
    const cancel = await graphqlRequest(platform.gatewayUrl, CANCEL, { id: orderId }, intruder.headers);
    expect(errorCodes(cancel)).toEqual(['NOT_FOUND']);
    const ownView = await graphqlRequest<{ order: { status: string } }>(
      platform.gatewayUrl,
      ORDER,
      { id: orderId },
      owner.headers,
    );
    expect(ownView.data?.order.status).toBe('OPEN');
  });

  it("refuses another user's portfolio and e-mail address", async () => {
    const [owner, intruder] = [await signUp(platform.gatewayUrl), await signUp(platform.gatewayUrl)];
    const response = await graphqlRequest(
      platform.gatewayUrl,
      'query($id: ID!) { user(id: $id) { displayName email portfolio { cash } } }',
      { id: owner.userId },
      intruder.headers,
    );
    expect(errorCodes(response)).toContain('FORBIDDEN');
    expect(JSON.stringify(response.data)).not.toContain(owner.email);
  });
});

describe('admin-only operations', () => {
  const SET_TRADING =
    'mutation($id: ID!, $active: Boolean!) { setInstrumentTrading(id: $id, active: $active) { active } }';

  it('lets only admins halt an instrument, and a halt refuses new orders at once', async () => {
    const trader = await signUp(platform.gatewayUrl);
    const admin = await logInAsDemo(platform.gatewayUrl, 'admin');
    const instrumentId = demoInstrumentId('JPM');
    const order = { input: { instrumentId, side: 'BUY', type: 'LIMIT', price: '1', quantity: '1' } };

    const byTrader = await graphqlRequest(
      platform.gatewayUrl,
      SET_TRADING,
      { id: instrumentId, active: false },
      trader.headers,
    );
    expect(errorCodes(byTrader)).toEqual(['FORBIDDEN']);

    const halt = await graphqlRequest(
      platform.gatewayUrl,
      SET_TRADING,
      { id: instrumentId, active: false },
      admin.headers,
    );
    expect({ errors: halt.errors, data: halt.data }).toEqual({
      errors: undefined,
      data: { setInstrumentTrading: { active: false } },
    });
    try {
      // The orders subgraph re-reads the catalogue within a second.
      await expect
        .poll(
          async () => errorCodes(await graphqlRequest(platform.gatewayUrl, PLACE, order, trader.headers)),
          {
            timeout: 5_000,
          },
        )
        .toEqual(['BAD_USER_INPUT']);
    } finally {
      await graphqlRequest(
        platform.gatewayUrl,
        SET_TRADING,
        { id: instrumentId, active: true },
        admin.headers,
      );
    }
  });
});

describe('the risk desk', () => {
  const CANCEL_ALL_OF = `mutation($userId: ID) {
    cancelAllOrders(userId: $userId) { cancelled { id status } }
  }`;

  it("lets only an admin cancel another trader's orders", async () => {
    const [trader, intruder] = [await signUp(platform.gatewayUrl), await signUp(platform.gatewayUrl)];
    const orderId = await placeRestingBuy(trader);
    const status = async () =>
      (await platform.db.prisma.order.findUniqueOrThrow({ where: { id: orderId } })).status;

    const byIntruder = await graphqlRequest(
      platform.gatewayUrl,
      CANCEL_ALL_OF,
      { userId: trader.userId },
      intruder.headers,
    );
    expect(errorCodes(byIntruder)).toEqual(['FORBIDDEN']);
    expect(await status()).toBe('OPEN');

    const admin = await logInAsDemo(platform.gatewayUrl, 'admin');
    const byAdmin = await graphqlRequest(
      platform.gatewayUrl,
      CANCEL_ALL_OF,
      { userId: trader.userId },
      admin.headers,
    );
    expect({ errors: byAdmin.errors, data: byAdmin.data }).toEqual({
      errors: undefined,
      data: { cancelAllOrders: { cancelled: [{ id: orderId, status: 'CANCELLED' }] } },
    });
    expect(await status()).toBe('CANCELLED');
  });
});

describe('a second factor', () => {
  it('keeps out someone who has the password but not the TOTP code', async () => {
    const user = await signUp(platform.gatewayUrl);
    const enrolment = await graphqlRequest<{ enrolTotp: { secret: string } }>(
      platform.gatewayUrl,
      'mutation { enrolTotp { secret } }',
      {},
      user.headers,
    );
    const secret = enrolment.data?.enrolTotp.secret;
    if (!secret) throw new Error(`enrolment failed: ${JSON.stringify(enrolment.errors)}`);
    const code = new TOTP({ secret }).generate();
    const confirmed = await graphqlRequest(
      platform.gatewayUrl,
      'mutation($code: String!, $password: String!) { confirmTotp(code: $code, currentPassword: $password) { codes } }',
      { code, password: user.password },
      user.headers,
    );
    expect(confirmed.errors).toBeUndefined();

    const passwordOnly = await graphqlRequest(platform.gatewayUrl, LOG_IN, {
      input: { email: user.email, password: user.password },
    });
    expect(errorCodes(passwordOnly)).toEqual(['MFA_REQUIRED']);
    expect(passwordOnly.data).toBeNull();
    const guessedCode = await graphqlRequest(platform.gatewayUrl, LOG_IN, {
      input: {
        email: user.email,
        password: user.password,
        totpCode: code === '000000' ? '111111' : '000000',
      },
    });
    expect(errorCodes(guessedCode)).toEqual(['UNAUTHENTICATED']);
  }, 120_000);
});

describe('password guessing', () => {
  it('throttles repeated failed logins for one account with RATE_LIMITED', async () => {
    const victim = await signUp(platform.gatewayUrl);
    const codes: unknown[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const response = await graphqlRequest(platform.gatewayUrl, LOG_IN, {
        input: { email: victim.email, password: `guess number ${attempt} of many` },
      });
      codes.push(...errorCodes(response));
    }
    expect(codes.slice(0, 3)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    // Throttled means throttled: even the right password waits.
    const rightPassword = await graphqlRequest(platform.gatewayUrl, LOG_IN, {
      input: { email: victim.email, password: victim.password },
    });
    expect(errorCodes(rightPassword)).toEqual(['RATE_LIMITED']);
  }, 120_000);
});

describe('operations built to exhaust the service', () => {
  let trader: Session;

  beforeAll(async () => {
    trader = await signUp(platform.gatewayUrl);
  });

  /** POSTs a body as is, the way an attacker would, and returns the status and error codes. */
  async function post(body: string) {
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...trader.headers },
      body,
    });
    const parsed = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, codes: (parsed.errors ?? []).map((error) => error.extensions?.code) };
  }

  const anyQuery = (query: string) => JSON.stringify({ query, variables: { id: trader.userId } });

  it('refuses a 50-level deep query', async () => {
    // user → orders → edges → node → user → … : four levels a turn.
    const depth = 13;
    const query = `query($id: ID!) { user(id: $id) { ${'orders { edges { node { user { '.repeat(depth)}id${' } } } }'.repeat(depth)} } }`;
    const response = await post(anyQuery(query));
    expect(response.status).toBe(400);
    expect(response.codes).toEqual(['OPERATION_LIMIT_EXCEEDED']);
  });

  it('refuses 1,000 aliases of an expensive field', async () => {
    const fields = Array.from(
      { length: 1000 },
      (_, i) =>
        `a${i}: instruments(first: 100) { edges { node { candles(interval: D1, first: 100) { close } } } }`,
    );
    const response = await post(JSON.stringify({ query: `{ ${fields.join(' ')} }` }));
    // Over 100 KiB as well: the body limit may answer first; either way nothing runs.
    expect([400, 413]).toContain(response.status);
    expect(response.codes.length).toBe(1);
    expect(['OPERATION_LIMIT_EXCEEDED', 'PAYLOAD_TOO_LARGE']).toContain(response.codes[0]);

    const fewer = Array.from(
      { length: 200 },
      (_, i) => `a${i}: instruments(first: 100) { edges { node { id } } }`,
    );
    const under = await post(JSON.stringify({ query: `{ ${fewer.join(' ')} }` }));
    expect(under.status).toBe(400);
    expect(under.codes).toEqual(['OPERATION_LIMIT_EXCEEDED']);
  });

  it('refuses one expensive field whose estimated cost is over the limit', async () => {
    const query = `{ instruments(first: 100) { edges { node { candles(interval: M1, first: 1000) { close } orderBook: indicators(interval: M1, last: 1000) { sma } } } } }`;
    const response = await post(JSON.stringify({ query }));
    expect(response.status).toBe(400);
    expect(response.codes).toEqual(['COST_LIMIT_EXCEEDED']);
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await post(
      JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(200 * 1024) } }),
    );
    expect(response.status).toBe(413);
    expect(response.codes).toEqual(['PAYLOAD_TOO_LARGE']);
  });
});
