/** Acknowledged means journaled: a command enters its shard's ring only once the journal synced it. */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { COMMAND_SLOT_SIZE, CommandField, CommandKind } from '../../src/core/index.js';
import { CommandJournal } from '../../src/journal/commandJournal.js';
import { JournaledCommandWriter } from '../../src/journal/journaledCommandWriter.js';
import { MemoryJournalStore } from '../../src/journal/memoryJournalStore.js';
import { createRingBuffers, RingConsumer, RingProducer } from '../../src/ring/index.js';

function setUp(store: MemoryJournalStore, snapshotEvery = 0) {
  const buffers = createRingBuffers({ capacity: 1024, slotWords: COMMAND_SLOT_SIZE });
  const ring = new RingConsumer(buffers);
  const failures: Error[] = [];
  const accounts = ['', 'alice'];
  const journal = new CommandJournal(
    store,
    { nameOf: (id) => accounts[id] ?? '' },
    { accounts: 0, ids: { maxOrderId: 0, maxRequestId: 0 } },
  );
  const writer = new JournaledCommandWriter(
    new RingProducer(buffers),
    0,
    journal,
    (error) => failures.push(error),
    pino({ level: 'silent' }),
    snapshotEvery,
  );
  const submit = (orderId: number): void => {
    const at = writer.claimSlot();
    writer.target.fill(0, at, at + COMMAND_SLOT_SIZE);
    writer.target[at + CommandField.KIND] = CommandKind.SUBMIT;
    writer.target[at + CommandField.REQUEST_ID] = orderId;
    writer.target[at + CommandField.ACCOUNT_ID] = 1;
    writer.target[at + CommandField.ORDER_ID] = orderId;
  };
  return { ring, writer, failures, journal, submit };
}

describe('JournaledCommandWriter', () => {
  it('releases a batch into the ring only after the journal synced it, with its account name', async () => {
    const store = new MemoryJournalStore();
    const { ring, writer, submit, journal } = setUp(store);
    submit(1);
    submit(2);
    writer.flush();
    expect(ring.available()).toBe(0);
    expect(writer.queued).toBe(2);
    await writer.drained();
    expect(ring.available()).toBe(2);
    store.crash();
    expect((await store.load(0)).commands.length).toBe(2 * COMMAND_SLOT_SIZE);
    expect(await store.loadAccounts()).toEqual(['alice']);
    expect(journal.idMarks).toEqual({ maxOrderId: 2, maxRequestId: 2 });
  });

  it('runs nothing after a failed journal write and reports it', async () => {
    const store = new MemoryJournalStore();
    store.sync = () => Promise.reject(new Error('disk full'));
    const { ring, writer, submit, failures } = setUp(store);
    submit(1);
    writer.flush();
    submit(2);
    writer.flush();
    await writer.drained();
    expect(ring.available()).toBe(0);
    expect(failures.map((error) => error.message)).toContain('disk full');
  });

  it('asks for a snapshot at the front of a batch once enough commands passed, and journals its position', async () => {
    const store = new MemoryJournalStore();
    const { ring, writer, submit } = setUp(store, 3);
    for (let orderId = 1; orderId <= 4; orderId++) {
      submit(orderId);
      writer.flush();
    }
    await writer.drained();
    // Commands 1-2 alone, then the snapshot request in front of command 3.
    const kinds = Array.from({ length: ring.available() }, (_, k) => ring.slots[ring.offset(k)]);
    expect(kinds).toEqual([
      CommandKind.SUBMIT,
      CommandKind.SUBMIT,
      65,
      CommandKind.SUBMIT,
      CommandKind.SUBMIT,
    ]);
    expect(store.position(0)).toBe(4);
  });
});
