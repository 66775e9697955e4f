import {
  closeSync,
  fdatasync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  write,
  writevSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Logger } from 'pino';
import { COMMAND_SLOT_SIZE } from '../core/index.js';
import { upgradeMib2ClientOrderAnswers } from '../shard/legacyClientOrderAnswers.js';
import { GroupCommit } from './groupCommit.js';
import { decodeFrames, encodeFrame } from './journalFrames.js';
import type { IdMarks, JournalStore, ShardRecovery } from './journalStore.js';

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
  readonly recovery: ShardRecovery;
}

const pad = (position: number): string => String(position).padStart(16, '0');
/** Version 1: header [magic, length, crc32, maxOrderId, maxRequestId], then the core's snapshot. */
const SNAPSHOT_MAGIC = 0x4d494253; // "MIBS"
const SNAPSHOT_HEADER_BYTES = 5 * 8;
/**
 * Version 2: version 1's header plus [answersLength, answersCrc32], the snapshot, then the client
 * order answers as float64 records (legacyClientOrderAnswers.ts), answersLength in values.
 */
const SNAPSHOT_MAGIC_V2 = 0x4d494232; // "MIB2"
/**
 * Version 3, written now: version 2's header and layout, the client order answers as
 * ClientOrderAnswerWriter's bytes (about 30 per answer, against 120 plus 32 per fill in
 * version 2), answersLength in bytes.
 */
const SNAPSHOT_MAGIC_V3 = 0x4d494233; // "MIB3"
const SNAPSHOT_V2_HEADER_BYTES = 7 * 8;
const NO_ANSWERS = new Uint8Array(0);

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

  async writeSnapshot(
    shard: number,
    position: number,
    snapshot: Float64Array,
    ids: IdMarks,
    clientOrderAnswers: Uint8Array = NO_ANSWERS,
  ): Promise<void> {
    await this.sync();
    const files = this.shards[shard]!;
    const body = Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength);
    const answers = Buffer.from(clientOrderAnswers.buffer, clientOrderAnswers.byteOffset, clientOrderAnswers.byteLength);
    const header = Buffer.from(
      new Float64Array([
        SNAPSHOT_MAGIC_V3,
        snapshot.length,
        crc32(body),
        ids.maxOrderId,
        ids.maxRequestId,
        clientOrderAnswers.length,
        crc32(answers),
      ]).buffer,
    );
    const path = join(files.dir, `snapshot-${pad(position)}.snapshot`);
    writeAndSyncParts(`${path}.tmp`, [header, body, answers]);
    renameSync(`${path}.tmp`, path);
    syncDirectory(files.dir);
    for (const name of readdirSync(files.dir)) {
      const at = positionOf(name);
      if (at !== undefined && at < position) rmSync(join(files.dir, name));
    }
  }

  load(shard: number): Promise<ShardRecovery> {
    return Promise.resolve(this.shards[shard]!.recovery);
  }

  loadAccounts(): Promise<string[]> {
    return Promise.resolve([...this.accounts]);
  }

  async close(): Promise<void> {
    await this.sync();
    for (const files of this.shards) closeSync(files.segment.fd);
    closeSync(this.accountsFd);
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
        if (newSegment) await syncDirectoryAsync(dir);
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
    recovery: { snapshot, snapshotPosition, snapshotIds, snapshotClientOrderAnswers, commands },
  };
}

interface StoredSnapshot {
  readonly snapshot: Float64Array;
  readonly ids: IdMarks;
  readonly clientOrderAnswers: Uint8Array;
}

/**
 * Reads a snapshot file of any version (SNAPSHOT_MAGIC, _V2, _V3): a version 1 file loads with no
 * client order answers, a version 2 file's answers are re-encoded as version 3 stores them.
 * Undefined when damaged.
 */
function readSnapshotFile(path: string): StoredSnapshot | undefined {
  const bytes = readFileSync(path);
  const values = (from: number, to: number): Float64Array =>
    new Float64Array(bytes.buffer.slice(bytes.byteOffset + from, bytes.byteOffset + to));
  if (bytes.length < SNAPSHOT_HEADER_BYTES) return undefined;
  const magic = values(0, 8)[0];
  if (magic !== SNAPSHOT_MAGIC && magic !== SNAPSHOT_MAGIC_V2 && magic !== SNAPSHOT_MAGIC_V3) return undefined;
  const headerBytes = magic === SNAPSHOT_MAGIC ? SNAPSHOT_HEADER_BYTES : SNAPSHOT_V2_HEADER_BYTES;
  if (bytes.length < headerBytes) return undefined;
  const header = values(0, headerBytes);
  const bodyEnd = headerBytes + header[1]! * 8;
  const answersEnd = bodyEnd + (header[5] ?? 0) * (magic === SNAPSHOT_MAGIC_V2 ? 8 : 1);
  if (!Number.isSafeInteger(bodyEnd) || !Number.isSafeInteger(answersEnd) || answersEnd !== bytes.length) return undefined;
  if (crc32(bytes.subarray(headerBytes, bodyEnd)) !== header[2]) return undefined;
  if (magic !== SNAPSHOT_MAGIC && crc32(bytes.subarray(bodyEnd, answersEnd)) !== header[6]) return undefined;
  const answers =
    magic === SNAPSHOT_MAGIC_V3 ? new Uint8Array(bytes.subarray(bodyEnd, answersEnd))
    : magic === SNAPSHOT_MAGIC_V2 ? upgradeMib2ClientOrderAnswers(values(bodyEnd, answersEnd))
    : NO_ANSWERS;
  return {
    snapshot: values(headerBytes, bodyEnd),
    ids: { maxOrderId: header[3]!, maxRequestId: header[4]! },
    clientOrderAnswers: answers,
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

/** `segment-0000000000000042.journal` → 42. */
function positionOf(name: string): number | undefined {
  const match = /^(?:segment|snapshot)-(\d+)\.(?:journal|snapshot)$/.exec(name);
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

/**
 * Writes `parts` as a new file at `path` and fsyncs it. One writev rather than a concatenation:
 * the main thread would fault in a fresh copy of megabytes of snapshot first.
 */
function writeAndSyncParts(path: string, parts: readonly Buffer[]): void {
  const fd = openSync(path, 'w');
  try {
    const bytes = parts.reduce((sum, part) => sum + part.length, 0);
    const written = writevSync(fd, parts);
    if (written !== bytes) throw new Error(`short snapshot write: ${written} of ${bytes} bytes`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** `syncDirectory` off the main thread, for the group commit. */
async function syncDirectoryAsync(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A rename is durable only once its directory entry is synced. */
function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
