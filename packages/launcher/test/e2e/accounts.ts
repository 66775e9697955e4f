import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORDS } from '@mib/db';
import { LogInDocument, persistedQueryExtensions } from '@mib/sdk';
import { graphqlRequest, type GraphQLResponse } from '@mib/subgraph-kit/testing';

/** A signed-in user as a front end holds one. */
export interface Session {
  readonly userId: string;
  readonly email: string;
  readonly password: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  /** `Authorization` for this session's requests. */
  readonly headers: Readonly<Record<string, string>>;
}

interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
}

const AUTH_FIELDS = 'accessToken refreshToken user { id }';
export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`;
export const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { ${AUTH_FIELDS} } }`;
export const REFRESH = `mutation($token: String!) { refresh(refreshToken: $token) { ${AUTH_FIELDS} } }`;

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

function sessionOf(
  email: string,
  password: string,
  payload: AuthPayload | undefined,
  response: GraphQLResponse<unknown>,
): Session {
  if (!payload) throw new Error(`sign-in failed: ${JSON.stringify(response.errors)}`);
  return {
    userId: payload.user.id,
    email,
    password,
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    headers: bearer(payload.accessToken),
  };
}

/** A new trader account, signed in. */
export async function signUp(gatewayUrl: string): Promise<Session> {
  const email = `trader-${randomUUID()}@example.test`;
  const password = `correct horse ${randomUUID()}`;
  const response = await graphqlRequest<{ signUp: AuthPayload }>(gatewayUrl, SIGN_UP, {
    input: { email, password, displayName: 'Test Trader' },
  });
  return sessionOf(email, password, response.data?.signUp, response);
}

/** Signs in as a front end does: the SDK's registered `LogIn` document, sent by its hash. */
export async function logIn(gatewayUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      variables: { input: { email, password } },
      extensions: persistedQueryExtensions(LogInDocument),
    }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<{ logIn: AuthPayload }>, 'status'>;
  return sessionOf(email, password, body.data?.logIn, { status: response.status, ...body });
}

/** One of the seeded demo accounts, signed in with its published password. */
export function logInAsDemo(gatewayUrl: string, role: 'trader' | 'analyst' | 'admin'): Promise<Session> {
  const email = `${role}@demo.mib.local`;
  const password = DEMO_PASSWORDS[email];
  if (!password) throw new Error(`no demo password for ${email}`);
  return logIn(gatewayUrl, email, password);
}
