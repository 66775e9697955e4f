import { randomToken, sha256 } from '../credentials/opaqueTokens.js';

/**
 * An API key as its owner holds it: `mib_<keyId>_<secret>`. The id finds the row without a
 * scan; the 256-bit secret is stored only as its SHA-256. The `mib_` prefix lets secret
 * scanners (and people) recognise a leaked key.
 */
const API_KEY = /^mib_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeySecret {
  readonly key: string;
  readonly secretHash: string;
}

export function newApiKeySecret(keyId: string): ApiKeySecret {
  const secret = randomToken();
  return { key: `mib_${keyId}_${secret}`, secretHash: sha256(secret) };
}

/** The key id and the hash of the secret, or null when `key` is not shaped like an API key. */
export function parseApiKey(key: string): { keyId: string; secretHash: string } | null {
  const match = API_KEY.exec(key);
  return match ? { keyId: match[1]!, secretHash: sha256(match[2]!) } : null;
}
