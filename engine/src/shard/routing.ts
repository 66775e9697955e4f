/**
 * Stable symbol → shard routing. FNV-1a (32-bit) over the symbol's UTF-16 code units: tiny,
 * deterministic across processes and machines, and well spread for short strings, so the same
 * function can later pick an engine instance when symbols are partitioned across machines.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The shard (0 … shardCount-1) that owns `symbol`. */
export function shardOf(symbol: string, shardCount: number): number {
  return fnv1a32(symbol) % shardCount;
}
