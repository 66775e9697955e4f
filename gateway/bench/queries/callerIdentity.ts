/**
 * Who the benchmark's clients are, in one place. Every gateway acts for the demo trader; each
 * subgraph request carries a caller token signed with the secret the subgraphs were started with
 * (HMAC-SHA256, about a microsecond per request, the same cost for the three gateways).
 */
import { CallerTokens, IDENTITY_HEADER, type Identity } from '@mib/auth';
import { testIdentity } from '@mib/auth/testing';
import { DEMO_PASSWORDS, DEMO_TRADER_EMAIL, DEMO_TRADER_ID } from '@mib/db';

/** The identity the stock and Hive gateways vouch for (ours establishes it from the client's token). */
export const benchIdentity: Identity = testIdentity(DEMO_TRADER_ID, 'trader');

/** Caller tokens over the secret shared by the bench's processes. */
export const benchCallerTokens = (secret: string): CallerTokens => new CallerTokens([secret]);

/** The subgraph header for one subgraph request, signed afresh each time as a gateway does. */
export const signedCallerHeader = (tokens: CallerTokens): [string, string] => [
  IDENTITY_HEADER,
  tokens.sign({ identity: benchIdentity, clientIp: '127.0.0.1' }),
];

/**
 * The headers every client sends, the same to each gateway (only ours reads them): an access
 * token of the demo trader, from `logIn` through our gateway with the seeded password. The one
 * place to change when sign-in changes.
 */
export async function clientHeaders(ourGatewayUrl: string | undefined): Promise<Record<string, string>> {
  if (ourGatewayUrl === undefined) return {};
  const response = await fetch(ourGatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation LogIn($input: LogInInput!) { logIn(input: $input) { accessToken } }',
      variables: { input: { email: DEMO_TRADER_EMAIL, password: DEMO_PASSWORDS[DEMO_TRADER_EMAIL] } },
    }),
  });
  const body = (await response.json()) as { data?: { logIn?: { accessToken: string } } };
  const token = body.data?.logIn?.accessToken;
  if (!token) throw new Error(`logIn failed: ${JSON.stringify(body)}`);
  return { authorization: `Bearer ${token}` };
}
