/**
 * A shard worker: the single writer of its symbols. Reads command slots from its inbound ring,
 * executes them on the pure core, and copies the resulting event slots to its outbound ring,
 * ringing the main thread's doorbell once per published batch. postMessage is used only for
 * `ready` and `stopped`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EventBuffer, LONG_RUNNING_ORDER_ID_WINDOW_BITS, Shard, Side } from '../core/index.js';
import { SNAPSHOT_COMMAND_KIND } from '../journal/commandJournal.js';
import { Doorbell, RingClosedError, RingConsumer, RingProducer, WAIT_STRATEGIES } from '../ring/index.js';
import {
  depthDataSlots,
  DepthReplyField,
  ShellCommandKind,
  ShellReplyType,
  type ShardWorkerData,
  type ShardWorkerMessage,
} from './workerProtocol.js';

/** Commands executed between releases of inbound slots, so a blocked producer resumes early. */
const RELEASE_EVERY = 256;

const { data } = workerData as { data: ShardWorkerData };
const strategy = WAIT_STRATEGIES[data.waitStrategy];
const commands = new RingConsumer(data.commands, strategy);
const events = new RingProducer(data.events, strategy);
const doorbell = new Doorbell(data.doorbell);
const shardOptions = { orderIdWindowBits: LONG_RUNNING_ORDER_ID_WINDOW_BITS, preTouchMemory: true };
const shard =
  data.snapshot === undefined
    ? new Shard(
        data.instruments.map(({ symbolId, tickUnits, lotUnits }) => ({
          symbolId,
          tickSize: tickUnits,
          lotSize: lotUnits,
        })),
        shardOptions,
      )
    : Shard.restore(data.snapshot, shardOptions);
const slotWords = commands.slotWords;
/**
 * Events are encoded straight into the event ring: `out` points at a claimed run of free ring
 * slots (contiguous, up to the ring's end), and publishing just moves the ring's head.
 */
const out = new EventBuffer(0, publishEvents, events.slots);
out.limit = 0;
const depthScratch = new Float64Array(1000 * 3);
const depthReply = new EventBuffer(256);

/**
 * Points `out` at the next run of free event-ring slots, waiting while the ring is full. At most
 * half the ring per claim: the main thread may hold back the start of a depth reply (≤ 189
 * slots) until its end arrives, so a claim for the whole ring could wait forever.
 */
function claimRun(): void {
  const start = events.offset(0) / slotWords;
  const wanted = Math.min(data.eventBatchSlots, events.capacity >> 1, events.capacity - start);
  out.limit = events.claim(wanted);
  out.base = start;
  out.count = 0;
}

/** Publishes the events written into the claimed run, rings the doorbell, claims the next run. */
function publishEvents(buffer: EventBuffer): void {
  if (buffer.count > 0) {
    events.publish(buffer.count);
    // Ring per publication, not once at the end: the main thread may be parked on the doorbell
    // while this worker waits for it to free room in a full event ring.
    doorbell.ring();
  }
  claimRun();
}

/**
 * Copies `buffer`'s slots into the event ring as one publication (a depth reply's header and
 * data must arrive together; they may wrap around the ring's end).
 */
function publishCopy(buffer: EventBuffer): void {
  const source = buffer.slots;
  const got = events.claim(buffer.count);
  let k = 0;
  while (k < got) {
    const start = events.offset(k);
    const run = Math.min(got - k, events.capacity - start / slotWords);
    events.slots.set(source.subarray(k * slotWords, (k + run) * slotWords), start);
    k += run;
  }
  events.publish(got);
  doorbell.ring();
  buffer.count = 0;
}

/** Answers QUERY_DEPTH with a header slot and the levels packed into data slots. */
function replyDepth(slots: Float64Array, at: number): void {
  const requestId = slots[at + 1] ?? 0;
  const symbolId = slots[at + 2] ?? 0;
  const depth = Math.min(slots[at + 3] ?? 0, 500);
  const bids = shard.readDepth(symbolId, Side.BUY, depth, depthScratch, 0);
  const asks = shard.readDepth(symbolId, Side.SELL, depth, depthScratch, bids * 3);
  const dataSlots = depthDataSlots(bids + asks, slotWords);
  // Events before the reply go out first, in order.
  if (out.count > 0) publishEvents(out);
  const header = depthReply.claim();
  const reply = depthReply.slots;
  reply.fill(0, header, header + slotWords);
  reply[header] = ShellReplyType.DEPTH;
  reply[header + DepthReplyField.REQUEST_ID] = requestId;
  reply[header + DepthReplyField.SYMBOL_ID] = symbolId;
  reply[header + DepthReplyField.BID_LEVELS] = bids;
  reply[header + DepthReplyField.ASK_LEVELS] = asks;
  reply[header + DepthReplyField.LAST_SEQUENCE] = shard.sequence;
  for (let s = 0; s < dataSlots; s++) {
    const slot = depthReply.claim();
    depthReply.slots.set(depthScratch.subarray(s * slotWords, (s + 1) * slotWords), slot);
  }
  publishCopy(depthReply);
  // The copy moved the ring's head past the run `out` had claimed: claim afresh.
  claimRun();
}

function markDone(lastRequestId: number): void {
  const slot = out.claim();
  out.slots[slot] = ShellReplyType.BATCH_DONE;
  out.slots[slot + 1] = lastRequestId;
}

function run(): number {
  let executed = 0;
  for (;;) {
    const ready = commands.waitForData();
    if (ready === 0) return executed;
    const slots = commands.slots;
    let lastRequestId = 0;
    for (let k = 0; k < ready;) {
      const chunk = Math.min(RELEASE_EVERY, ready - k);
      for (let i = 0; i < chunk; i++) {
        const at = commands.offset(i);
        if (slots[at] === ShellCommandKind.QUERY_DEPTH) replyDepth(slots, at);
        else if (slots[at] === SNAPSHOT_COMMAND_KIND) {
          const snapshot = shard.snapshot();
          parentPort?.postMessage({ type: 'snapshot', snapshot } satisfies ShardWorkerMessage, [
            snapshot.buffer as ArrayBuffer,
          ]);
        } else shard.execute(slots, at / slotWords, out);
        lastRequestId = slots[at + 1] ?? 0;
      }
      commands.release(chunk);
      k += chunk;
      executed += chunk;
    }
    markDone(lastRequestId);
    publishEvents(out);
  }
}

parentPort?.postMessage({ type: 'ready' } satisfies ShardWorkerMessage);
let executed = 0;
try {
  claimRun();
  executed = run();
} catch (error) {
  // Shutdown closes the event ring; a worker waiting for room in it stops here.
  if (!(error instanceof RingClosedError)) throw error;
}
parentPort?.postMessage({ type: 'stopped', commands: executed } satisfies ShardWorkerMessage);
