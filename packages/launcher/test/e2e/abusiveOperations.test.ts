/**
 * The attack suite, continued, against a production-like gateway that runs only the SDK's
 * registered documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TRADER_ID } from '@mib/db';
import { DashboardDocument, persistedQueryExtensions } from '@mib/sdk';

import { logInAsDemo, type Session } from './accounts.js';
import { startPlatformFixture, type PlatformFixture } from './platformFixture.js';

/** Production-like: only the SDK's registered documents run. */
let platform: PlatformFixture;
let trader: Session;

beforeAll(async () => {
  platform = await startPlatformFixture({ TRUSTED_DOCUMENTS: 'enforce' });
  trader = await logInAsDemo(platform.gatewayUrl, 'trader');
}, 120_000);

afterAll(async () => {
  await platform[Symbol.asyncDispose]();
});

/** POSTs a body as is, the way an attacker would, and returns the status and error codes. */
async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...trader.headers, ...headers },
    body,
  });
  const text = await response.text();
  const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, codes: (parsed.errors ?? []).map((error) => error.extensions?.code) };
}

const anyQuery = (query: string) => JSON.stringify({ query, variables: { id: DEMO_TRADER_ID } });

describe('trusted documents enforced', () => {
  it('runs a registered document sent by its hash alone', async () => {
    const response = await graphqlRequestByHash();
    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject({ user: { id: DEMO_TRADER_ID } });
  });

  it('refuses an unregistered operation while trusted documents are enforced', async () => {
    const response = await post(anyQuery('query($id: ID!) { user(id: $id) { displayName } }'));
    expect(response.codes).toEqual(['DOCUMENT_NOT_TRUSTED']);
  });
});

function graphqlRequestByHash() {
  return fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...trader.headers },
    body: JSON.stringify({
      variables: { userId: DEMO_TRADER_ID },
      extensions: persistedQueryExtensions(DashboardDocument),
    }),
  }).then((response) => response.json() as Promise<{ data?: unknown; errors?: unknown[] }>);
}
