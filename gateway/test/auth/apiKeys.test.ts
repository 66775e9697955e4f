import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallerTokens, type Identity } from '@mib/auth';
import { testCallerTokens, testIdentity } from '@mib/auth/testing';
import { callerOfRequest } from '@mib/subgraph-kit';
import { ApiKeyAuthenticator, InvalidApiKey } from '../../src/auth/apiKeys.js';

const KEY = `mib_5b1f3c2a-8d4e-4f6a-9b7c-0123456789ab_${'s'.repeat(43)}`;
const OWNER: Identity = {
  ...testIdentity('5b1f3c2a-8d4e-4f6a-9b7c-0123456789ac'),
  credential: { kind: 'apiKey', id: '5b1f3c2a-8d4e-4f6a-9b7c-0123456789ab' },
};

/**
 * A stand-in for the users subgraph's verify route, behind the subgraphs' real caller-token
 * check: it trusts `trusted` (swapped by a test, as a rotation of the shared secrets would) and
 * knows one live key.
 */
let trusted = testCallerTokens;
let server: Server;
let url: URL;
beforeAll(async () => {
  const app = express();
  app.post(
    '/internal/api-keys/verify',
    (req, res, next) => callerOfRequest(trusted)(req, res, next),
    express.json(),
    (req, res) => {
      if ((req.body as { key?: unknown }).key === KEY) res.json({ identity: OWNER });
      else res.status(401).json({ error: 'Unknown or revoked API key' });
    },
  );
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/api-keys/verify`);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('ApiKeyAuthenticator', () => {
  it('turns a live key into its identity, and refuses an unknown one as invalid', async () => {
    const keys = new ApiKeyAuthenticator(url, testCallerTokens);
    expect(await keys.verify(KEY)).toEqual(OWNER);
    await expect(keys.verify(`${KEY.slice(0, -1)}t`)).rejects.toBeInstanceOf(InvalidApiKey);
  });

  it('does not take a refusal of its own caller token for a verdict on the key, nor remember it', async () => {
    const keys = new ApiKeyAuthenticator(url, testCallerTokens);
    // The gateway signs with a secret the users subgraph does not know yet (a rotation out of order).
    trusted = new CallerTokens([randomBytes(32).toString('base64url')]);
    try {
      const refusal = await keys.verify(KEY).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(Error);
      expect(refusal).not.toBeInstanceOf(InvalidApiKey);
    } finally {
      trusted = testCallerTokens;
    }
    // Once the secrets agree again, the key works at once rather than after the answer's 30 s.
    expect(await keys.verify(KEY)).toEqual(OWNER);
  });
});
