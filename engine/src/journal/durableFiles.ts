import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Stores `parts` as the file at `path` so that a crash leaves the previous file at `path` or this
 * one, never a torn one: written to `<path>.tmp` with one writev (not a concatenation: that would
 * fault in a fresh copy of megabytes first), fsynced, renamed over `path`, then the directory
 * fsynced. Every step runs on libuv's thread pool, so the caller's event loop keeps serving. A
 * failed write removes its temp file (best effort); one a crash leaves behind is never read.
 */
export async function writeFileDurably(path: string, parts: readonly Uint8Array[]): Promise<void> {
  const temp = `${path}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      const bytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
      const { bytesWritten } = await handle.writev(parts);
      if (bytesWritten !== bytes) throw new Error(`short write of ${path}: ${bytesWritten} of ${bytes} bytes`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** A new or renamed file's name is durable only once its directory is synced (fsync of the file is not enough). */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
