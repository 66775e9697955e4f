import { createHash } from 'node:crypto';

/**
 * A name-based (version 5, RFC 9562) UUID: the same namespace and name always give the same id.
 * Rows that mirror another system's records (engine orders, demo data) get stable ids this way,
 * so replays and reruns upsert instead of duplicating.
 */
export function nameBasedId(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
