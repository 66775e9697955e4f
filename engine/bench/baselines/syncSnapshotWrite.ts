import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writevSync } from 'node:fs';
import { join } from 'node:path';
import type { IdMarks } from '../../src/journal/journalStore.js';
import { encodeSnapshotFile } from '../../src/journal/snapshotFiles.js';

/**
 * How FileJournalStore stored a snapshot before it moved the file I/O to libuv's thread pool
 * (engine of 1929068): the same bytes and the same steps (CRC, temp file, one writev, fsync,
 * rename, directory fsync, older files deleted), all synchronous on the calling thread. The
 * baseline of bench/snapshotClientOrders.ts; `shardDir` is a store's `shard-<n>` directory.
 */
export function writeSnapshotSync(
  shardDir: string,
  position: number,
  snapshot: Float64Array,
  ids: IdMarks,
  clientOrderAnswers: Uint8Array,
): void {
  const parts = encodeSnapshotFile(snapshot, ids, clientOrderAnswers);
  const path = join(shardDir, `snapshot-${String(position).padStart(16, '0')}.snapshot`);
  const fd = openSync(`${path}.tmp`, 'w');
  try {
    const bytes = parts.reduce((sum, part) => sum + part.length, 0);
    const written = writevSync(fd, parts);
    if (written !== bytes) throw new Error(`short snapshot write: ${written} of ${bytes} bytes`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(`${path}.tmp`, path);
  const dirFd = openSync(shardDir, 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
  for (const name of readdirSync(shardDir)) {
    const match = /^(?:segment|snapshot)-(\d+)\.(?:journal|snapshot)$/.exec(name);
    if (match !== null && Number(match[1]) < position) rmSync(join(shardDir, name));
  }
}
