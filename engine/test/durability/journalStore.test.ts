/** The journal-store contract, run on the file store and on its in-memory twin. */
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_SLOT_SIZE } from '../../src/core/index.js';
import { FileJournalStore } from '../../src/journal/fileJournalStore.js';
import { JournalClosedError, type JournalStore } from '../../src/journal/journalStore.js';
import { MemoryJournalStore } from '../../src/journal/memoryJournalStore.js';
import { recoverJournal } from '../../src/journal/recovery.js';
import { submits } from './journalSlots.js';

const logger = pino({ level: 'silent' });

interface StoreUnderTest {
  readonly open: () => JournalStore;
  /** A restart: what a new process would read (after a crash, for the memory store). */
  readonly reopen: (store: JournalStore) => Promise<JournalStore>;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileStore(): StoreUnderTest & { dir: () => string } {
  const dir = mkdtempSync(join(tmpdir(), 'mib-journal-'));
  dirs.push(dir);
  return {
    dir: () => dir,
    open: () => FileJournalStore.open(dir, 2, logger),
    reopen: async (store) => {
      await store.close();
      return FileJournalStore.open(dir, 2, logger);
    },
  };
}

function memoryStore(): StoreUnderTest {
  return {
    open: () => new MemoryJournalStore(),
    reopen: (store) => {
      (store as MemoryJournalStore).crash();
      return Promise.resolve(store);
    },
  };
}

function storeContract(name: string, create: () => StoreUnderTest): void {
  describe(name, () => {
    it('gives back every synced command of each shard in order, with accounts and id marks', async () => {
      const under = create();
      const store = under.open();
      store.append(0, submits(1, 3));
      store.append(1, submits(4, 2));
      store.appendAccounts(['alice', 'bob']);
      await store.sync();
      store.append(0, submits(6, 1));
      await store.sync();
      const recovery = await recoverJournal(await under.reopen(store), 2);
      expect(Array.from(recovery.shards[0]!.commands.filter((_, i) => i % COMMAND_SLOT_SIZE === 4))).toEqual([
        1, 2, 3, 6,
      ]);
      expect(Array.from(recovery.shards[1]!.commands.filter((_, i) => i % COMMAND_SLOT_SIZE === 4))).toEqual([
        4, 5,
      ]);
      expect(recovery.accounts).toEqual(['alice', 'bob']);
      expect(recovery.ids).toEqual({ maxOrderId: 6, maxRequestId: 6 });
    });

    it('shares one sync among appends made while another sync runs (group commit)', async () => {
      const under = create();
      const store = under.open();
      const syncs: Promise<void>[] = [];
      for (let i = 0; i < 10; i++) {
        store.append(0, submits(i + 1, 1));
        syncs.push(store.sync());
      }
      await Promise.all(syncs);
      expect(new Set(syncs.slice(1)).size).toBe(1);
      expect(store.position(0)).toBe(10);
      await store.close();
    });

    it('replays only the commands after the newest snapshot, which keeps the id marks', async () => {
      const under = create();
      const store = under.open();
      store.append(0, submits(1, 5));
      const position = store.beginSnapshot(0);
      store.append(0, submits(6, 2));
      await store.writeSnapshot(0, position, new Float64Array([1, 2, 3]), { maxOrderId: 5, maxRequestId: 5 });
      await store.sync();
      const recovery = await recoverJournal(await under.reopen(store), 2);
      const shard = recovery.shards[0]!;
      expect(shard.snapshotPosition).toBe(5);
      expect(Array.from(shard.snapshot ?? [])).toEqual([1, 2, 3]);
      expect(shard.commands.length / COMMAND_SLOT_SIZE).toBe(2);
      expect(recovery.ids.maxOrderId).toBe(7);
    });

    it('keeps the client order answers stored with the newest snapshot, none without them', async () => {
      const under = create();
      const store = under.open();
      store.append(0, submits(1, 2));
      const position = store.beginSnapshot(0);
      await store.writeSnapshot(0, position, new Float64Array([1, 2]), { maxOrderId: 2, maxRequestId: 2 }, new Uint8Array([7, 8, 9]));
      store.append(1, submits(3, 1));
      const shard1 = store.beginSnapshot(1);
      await store.writeSnapshot(1, shard1, new Float64Array([4]), { maxOrderId: 3, maxRequestId: 3 });
      const recovery = await recoverJournal(await under.reopen(store), 2);
      expect(Array.from(recovery.shards[0]!.snapshotClientOrderAnswers)).toEqual([7, 8, 9]);
      expect(Array.from(recovery.shards[0]!.snapshot ?? [])).toEqual([1, 2]);
      expect(recovery.shards[1]!.snapshotClientOrderAnswers.length).toBe(0);
    });

    it('refuses a snapshot handed over once close() began, and keeps the journal as it was', async () => {
      const under = create();
      const store = under.open();
      store.append(0, submits(1, 2));
      const position = store.beginSnapshot(0);
      const closed = store.close();
      await expect(
        store.writeSnapshot(0, position, new Float64Array([1]), { maxOrderId: 2, maxRequestId: 2 }),
      ).rejects.toBeInstanceOf(JournalClosedError);
      await closed;
      const recovery = await recoverJournal(await under.reopen(store), 2);
      expect(recovery.shards[0]!.snapshot).toBeUndefined();
      expect(recovery.commands).toBe(2);
    });
  });
}

storeContract('MemoryJournalStore', memoryStore);
storeContract('FileJournalStore', fileStore);

describe('FileJournalStore after a crash', () => {
  it('drops a torn last frame and keeps appending after the last complete one', async () => {
    const under = fileStore();
    const store = under.open();
    store.append(0, submits(1, 2));
    await store.close();
    const segment = readdirSync(join(under.dir(), 'shard-0')).find(
      (name) => name.endsWith('.journal') && !name.includes('0000000000000002'),
    )!;
    appendFileSync(join(under.dir(), 'shard-0', segment), Buffer.alloc(200, 7));
    const reopened = FileJournalStore.open(under.dir(), 2, logger);
    expect((await reopened.load(0)).commands.length / COMMAND_SLOT_SIZE).toBe(2);
    reopened.append(0, submits(3, 1));
    await reopened.close();
    const recovery = await recoverJournal(FileJournalStore.open(under.dir(), 2, logger), 2);
    expect(recovery.ids.maxOrderId).toBe(3);
    expect(recovery.commands).toBe(3);
  });

  it('restarts after a crash that came between a segment rotation and the sync of the commands before it', async () => {
    const under = fileStore();
    const store = under.open();
    store.append(0, submits(1, 2));
    await store.sync();
    // Appended but never synced (so never acknowledged), then a snapshot request rotates the
    // segment: the new segment file exists on disk, the crash comes before the next sync.
    store.append(0, submits(3, 1));
    store.beginSnapshot(0);
    const reopened = FileJournalStore.open(under.dir(), 2, logger);
    expect((await reopened.load(0)).commands.length / COMMAND_SLOT_SIZE).toBe(2);
    reopened.append(0, submits(3, 1));
    await reopened.close();
    const recovery = await recoverJournal(FileJournalStore.open(under.dir(), 2, logger), 2);
    expect(recovery.commands).toBe(3);
    expect(recovery.ids.maxOrderId).toBe(3);
  });
});
