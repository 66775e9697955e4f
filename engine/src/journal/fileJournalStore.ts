import {
  closeSync,
  fdatasync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  write,
} from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { COMMAND_SLOT_SIZE } from '../core/index.js';
import { syncDirectory, writeFileDurably } from './durableFiles.js';
import { GroupCommit } from './groupCommit.js';
import { decodeFrames, encodeFrame } from './journalFrames.js';
import { JournalClosedError, type IdMarks, type JournalStore, type ShardRecovery } from './journalStore.js';
import { encodeSnapshotFile, NO_ANSWERS, readSnapshotFile } from './snapshotFiles.js';

/** A journal segment file open for appending; `start` is the position of its first command. */
interface Segment {
  readonly fd: number;
  readonly start: number;
}

interface ShardFiles {
  readonly dir: string;
  segment: Segment;
  appended: number;
  /** Appended, not yet written, with the segment each belongs to (a snapshot may rotate between). */
  pending: { segment: Segment; slots: Float64Array }[];
  /** Rotated-out segments to close after their last write is synced. */
  retired: Segment[];
  /** A segment file was created since the last sync: its directory entry is not durable yet. */
  newSegment: boolean;
  /**
   * The shard's last snapshot write, settled (never rejected) when it is done: the next one
   * starts after it, so one at a time is in flight and files are stored in the order handed over.
   */
  snapshotWrite: Promise<void>;
  readonly recovery: ShardRecovery;
}

const pad = (position: number): string => String(position).padStart(16, '0');

/**
 * The journal as files under one directory: per shard `shard-<n>/segment-<position>.journal`
 * (frames of command slots, see journalFrames.ts) and `snapshot-<position>.snapshot`, plus
 * `accounts.journal` (one JSON string per line). Appends are buffered in memory and written
 * with one write and one fdatasync per file per `sync()`: the group commit the shell waits on
 * before it lets a batch of commands run.
 */
export class FileJournalStore implements JournalStore {
  private readonly shards: readonly ShardFiles[];
  private readonly accountsFd: number;
  private readonly accounts: string[];
  private pendingAccounts: string[] = [];
  private readonly groupCommit = new GroupCommit(() => this.writeAndSync());
  /** Set once `close()` began: it waits for the snapshot writes in flight, later ones are refused. */
  private closing: Promise<void> | undefined;

  private constructor(dir: string, shards: ShardFiles[], accounts: string[]) {
    this.shards = shards;
    this.accounts = accounts;
    this.accountsFd = openSync(join(dir, 'accounts.journal'), 'a');
  }

  /**
   * Opens (creating) the journal under `dir` for `shardCount` shards and reads what recovery
   * needs. A torn tail (the frame a crash cut short: never acknowledged) is truncated away.
   */
  static open(dir: string, shardCount: number, logger: Logger): FileJournalStore {
    mkdirSync(dir, { recursive: true });
    const shards = Array.from({ length: shardCount }, (_, shard) =>
      openShard(join(dir, `shard-${shard}`), shard, logger),
    );
    return new FileJournalStore(dir, shards, readAccounts(join(dir, 'accounts.journal')));
  }

  append(shard: number, slots: Float64Array): void {
    const files = this.shards[shard]!;
    files.pending.push({ segment: files.segment, slots });
    files.appended += slots.length / COMMAND_SLOT_SIZE;
  }

  appendAccounts(names: readonly string[]): void {
    this.pendingAccounts.push(...names);
  }

  sync(): Promise<void> {
    return this.groupCommit.commit();
  }

  position(shard: number): number {
    return this.shards[shard]!.appended;
  }

  beginSnapshot(shard: number): number {
    const files = this.shards[shard]!;
    files.retired.push(files.segment);
    files.segment = {
      fd: openSync(join(files.dir, `segment-${pad(files.appended)}.journal`), 'a'),
      start: files.appended,
    };
    files.newSegment = true;
    return files.appended;
  }

  /**
   * Writes the file off the main thread (writeFileDurably: temp file, fsync, rename, directory
   * fsync on libuv's thread pool), and only then deletes the segments and snapshots before
   * `position`. A shard's snapshots are written one at a time in the order handed over: one
   * handed over while another is being written waits for it (a queue, not a skip: snapshots
   * come every `snapshotEvery` commands, a write takes milliseconds, so the queue is short).
   */
  writeSnapshot(
    shard: number,
    position: number,
    snapshot: Float64Array,
    ids: IdMarks,
    clientOrderAnswers: Uint8Array = NO_ANSWERS,
  ): Promise<void> {
    if (this.closing !== undefined) return Promise.reject(new JournalClosedError(shard, position));
    const files = this.shards[shard]!;
    const parts = encodeSnapshotFile(snapshot, ids, clientOrderAnswers);
    const stored = files.snapshotWrite.then(async () => {
      await this.sync();
      await writeFileDurably(join(files.dir, `snapshot-${pad(position)}.snapshot`), parts);
      for (const name of await readdir(files.dir)) {
        const at = positionOf(name);
        if (at !== undefined && at < position) await rm(join(files.dir, name));
      }
    });
    files.snapshotWrite = stored.catch(() => undefined);
    return stored;
  }

  load(shard: number): Promise<ShardRecovery> {
    return Promise.resolve(this.shards[shard]!.recovery);
  }

  loadAccounts(): Promise<string[]> {
    return Promise.resolve([...this.accounts]);
  }

  /** Idempotent: every call resolves once the files are released. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.sync();
      await Promise.all(this.shards.map((files) => files.snapshotWrite));
      for (const files of this.shards) closeSync(files.segment.fd);
      closeSync(this.accountsFd);
    })();
    return this.closing;
  }

  private async writeAndSync(): Promise<void> {
    // Take everything appended so far at once: appends made while this runs wait for the next.
    const batches = this.shards.map((files) => {
      const batch = { dir: files.dir, pending: files.pending, retired: files.retired, newSegment: files.newSegment };
      files.pending = [];
      files.retired = [];
      files.newSegment = false;
      return batch;
    });
    const accounts = this.pendingAccounts;
    this.pendingAccounts = [];
    // Account names first: a command on disk whose account number has no name could, after a
    // crash, be replayed under the name of whoever registers that number next.
    if (accounts.length > 0)
      await writeAndSyncFile(
        this.accountsFd,
        Buffer.from(accounts.map((name) => JSON.stringify(name) + '\n').join('')),
      );
    await Promise.all(
      batches.map(async ({ dir, pending, retired, newSegment }) => {
        // fdatasync makes a new file's frames durable, not its name: a power loss could drop the
        // whole segment with acknowledged commands in it. Synced here, in the group commit the
        // acknowledgement waits on, rather than on the main thread when the segment is created.
        if (newSegment) await syncDirectory(dir);
        // In append order; a rotation splits the pending slots between two segments.
        for (const segment of new Set(pending.map((entry) => entry.segment))) {
          const slots = pending.filter((entry) => entry.segment === segment).map((entry) => entry.slots);
          await writeAndSyncFile(segment.fd, encodeFrame(concatSlots(slots)));
        }
        for (const segment of retired) closeSync(segment.fd);
      }),
    );
  }
}

function openShard(dir: string, shard: number, logger: Logger): ShardFiles {
  mkdirSync(dir, { recursive: true });
  const names = readdirSync(dir);
  const snapshots = names
    .filter((name) => name.endsWith('.snapshot'))
    .sort()
    .reverse();
  let snapshot: Float64Array | undefined;
  let snapshotPosition = 0;
  let snapshotIds: IdMarks = { maxOrderId: 0, maxRequestId: 0 };
  let snapshotClientOrderAnswers: Uint8Array = NO_ANSWERS;
  for (const name of snapshots) {
    const stored = readSnapshotFile(join(dir, name));
    if (stored !== undefined) {
      ({ snapshot, ids: snapshotIds, clientOrderAnswers: snapshotClientOrderAnswers } = stored);
      snapshotPosition = positionOf(name)!;
      break;
    }
    logger.warn({ shard, file: name }, 'journal: ignoring a damaged snapshot');
  }
  const chunks: Float64Array[] = [];
  let position = snapshotPosition;
  for (const name of names.filter((name) => name.endsWith('.journal')).sort()) {
    const start = positionOf(name)!;
    if (start < snapshotPosition) continue;
    const path = join(dir, name);
    const bytes = readFileSync(path);
    const { slots, validBytes } = decodeFrames(bytes);
    if (start !== position && slots.length === 0) {
      // A rotation (snapshot request) opens the next segment at once, while the commands before
      // it may still wait for their sync: a crash then leaves a short segment (its torn tail
      // was never acknowledged) and an empty next one, which is no gap.
      logger.warn({ shard, file: name, expected: position }, 'journal: dropping an empty segment after a torn one');
      rmSync(path);
      continue;
    }
    if (start !== position)
      throw new Error(
        `journal of shard ${shard} has a gap: expected a segment at ${position}, found ${name}`,
      );
    if (validBytes < bytes.length) {
      logger.warn(
        { shard, file: name, tornBytes: bytes.length - validBytes },
        'journal: dropping a torn tail (never acknowledged)',
      );
      if (validBytes === 0) rmSync(path);
      else truncateSync(path, validBytes);
    }
    chunks.push(slots);
    position += slots.length / COMMAND_SLOT_SIZE;
  }
  const commands = concatSlots(chunks);
  const segment = { fd: openSync(join(dir, `segment-${pad(position)}.journal`), 'a'), start: position };
  return {
    dir,
    segment,
    appended: position,
    pending: [],
    retired: [],
    newSegment: true,
    snapshotWrite: Promise.resolve(),
    recovery: { snapshot, snapshotPosition, snapshotIds, snapshotClientOrderAnswers, commands },
  };
}

function readAccounts(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      names.push(JSON.parse(line) as string);
    } catch {
      break; // torn last line: never synced, so no command that used it was acknowledged
    }
  }
  return names;
}

/**
 * `segment-0000000000000042.journal` → 42; also a snapshot's temp file (`….snapshot.tmp`), so a
 * newer snapshot deletes the one a crash left.
 */
function positionOf(name: string): number | undefined {
  const match = /^(?:segment|snapshot)-(\d+)\.(?:journal|snapshot|snapshot\.tmp)$/.exec(name);
  return match === null ? undefined : Number(match[1]);
}

function concatSlots(chunks: readonly Float64Array[]): Float64Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Float64Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function writeAndSyncFile(fd: number, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    write(fd, data, 0, data.length, null, (error, written) => {
      if (error !== null) return reject(error);
      if (written !== data.length)
        return reject(new Error(`short journal write: ${written} of ${data.length} bytes`));
      fdatasync(fd, (syncError) => (syncError === null ? resolve() : reject(syncError)));
    });
  });
}
