import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { COMMAND_SLOT_SIZE, EVENT_SLOT_SIZE } from '../core/index.js';
import {
  createRingBuffers,
  Doorbell,
  RingConsumer,
  RingProducer,
  WAIT_STRATEGIES,
  type WaitStrategyName,
} from '../ring/index.js';
import { CommandWriter } from './commandWriter.js';
import { startTsWorker } from './startTsWorker.js';
import {
  depthDataSlots,
  DepthReplyField,
  ShellReplyType,
  type ShardInstrument,
  type ShardWorkerData,
  type ShardWorkerMessage,
} from './workerProtocol.js';

/** What the main thread does with what the shards send back. */
export interface ShardEventSink {
  /** A core event slot (type > 0) from `shard`. */
  onEvent(shard: number, slots: Float64Array, offset: number): void;
  /** Every command up to `lastRequestId` sent to `shard` has produced its events. */
  onBatchDone(shard: number, lastRequestId: number): void;
  /** Depth reply: `header` is a copy of the header slot, `levels` bids then asks (3 values each). */
  onDepth(shard: number, header: Float64Array, levels: Float64Array): void;
  /** The shard's worker died (an exception in the worker, or an exit before stop()). */
  onShardFailed(shard: number, error: Error): void;
}

/** See ShardPool.ringOccupancy. */
export interface RingOccupancy {
  readonly commandSlots: number;
  readonly queuedCommands: number;
  readonly eventSlots: number;
}

export interface ShardPoolOptions {
  readonly shards: number;
  readonly waitStrategy: WaitStrategyName;
  /** Instruments per shard. */
  readonly instruments: readonly (readonly ShardInstrument[])[];
  /**
   * Slots per ring (each direction). Default 65 536 (8 MiB per ring). At least 1 024
   * (MIN_RING_CAPACITY).
   */
  readonly ringCapacity?: number;
  readonly logger: Logger;
  /** The worker module; tests substitute one that fails. Default `./shardWorker.ts`. */
  readonly workerEntry?: URL;
  readonly commandWriter?: (producer: RingProducer, shard: number) => CommandWriter;
  readonly snapshots?: readonly (Float64Array | undefined)[];
  readonly onSnapshot?: (shard: number, snapshot: Float64Array) => void;
}

const workerEntry = new URL('./shardWorker.ts', import.meta.url);

/**
 * Smallest ring: the largest depth reply (header + 188 data slots) must fit in it, with the
 * worker's half-ring claims still satisfiable while the main thread holds a partial reply back.
 */
export const MIN_RING_CAPACITY = 1024;

/**
 * The worker threads and their rings, seen from the main thread: one CommandWriter per shard
 * for commands, and one read loop that drains every event ring and parks on a shared doorbell
 * (Atomics.waitAsync) when all are empty, yielding to the event loop between rounds so gRPC I/O
 * keeps flowing under load.
 */
export class ShardPool {
  readonly writers: readonly CommandWriter[];
  private readonly producers: readonly RingProducer[];
  private readonly consumers: readonly RingConsumer[];
  private readonly workers: readonly Worker[];
  private readonly exits: readonly Promise<void>[];
  private readonly doorbell = new Doorbell();
  private readonly logger: Logger;
  private sink: ShardEventSink | undefined;
  private reading: Promise<void> | undefined;
  private stopping = false;

  private constructor(options: ShardPoolOptions) {
    this.logger = options.logger;
    const capacity = options.ringCapacity ?? 65_536;
    if (capacity < MIN_RING_CAPACITY)
      throw new RangeError(`ringCapacity must be at least ${MIN_RING_CAPACITY}, got ${capacity}`);
    const strategy = WAIT_STRATEGIES[options.waitStrategy];
    const producers: RingProducer[] = [];
    const consumers: RingConsumer[] = [];
    const workers: Worker[] = [];
    for (let shard = 0; shard < options.shards; shard++) {
      const commands = createRingBuffers({ capacity, slotWords: COMMAND_SLOT_SIZE });
      const events = createRingBuffers({ capacity, slotWords: EVENT_SLOT_SIZE });
      const data: ShardWorkerData = {
        shard,
        commands,
        events,
        doorbell: this.doorbell.buffer,
        waitStrategy: options.waitStrategy,
        instruments: options.instruments[shard] ?? [],
        eventBatchSlots: 4096,
        snapshot: options.snapshots?.[shard],
      };
      producers.push(new RingProducer(commands, strategy));
      consumers.push(new RingConsumer(events, strategy));
      workers.push(startTsWorker(options.workerEntry ?? workerEntry, data, `engine-shard-${shard}`));
    }
    this.producers = producers;
    this.consumers = consumers;
    this.workers = workers;
    // Registered now, so stop() also completes for a worker that already died.
    // (Not events.once: it rejects when the worker emits 'error' before 'exit'.)
    this.exits = workers.map(
      (worker) => new Promise<void>((resolve) => worker.once('exit', () => resolve())),
    );
    this.writers = producers.map(
      (producer, shard) => options.commandWriter?.(producer, shard) ?? new CommandWriter(producer),
    );
  }

  /** Starts the workers and waits until each reports ready. */
  static async start(options: ShardPoolOptions): Promise<ShardPool> {
    const pool = new ShardPool(options);
    await Promise.all(
      pool.workers.map(async (worker, shard) => {
        const [message] = (await once(worker, 'message')) as [ShardWorkerMessage];
        if (message.type !== 'ready') throw new Error(`shard ${shard} sent ${message.type} before ready`);
        worker.on('message', (later: ShardWorkerMessage) => {
          if (later.type === 'snapshot') options.onSnapshot?.(shard, later.snapshot);
        });
        worker.on('error', (error) => {
          pool.logger.fatal({ err: error, shard }, 'shard worker failed');
          pool.sink?.onShardFailed(shard, error);
        });
        worker.on('exit', (code) => {
          if (pool.stopping) return;
          pool.logger.fatal({ shard, code }, 'shard worker exited');
          pool.sink?.onShardFailed(shard, new Error(`shard ${shard} worker exited with code ${code}`));
        });
      }),
    );
    return pool;
  }

  get shardCount(): number {
    return this.workers.length;
  }

  /** Slots of one ring (each direction). */
  get ringCapacity(): number {
    return this.producers[0]?.capacity ?? 0;
  }

  /**
   * What fills `shard`'s rings now: commands published and not yet taken by the worker, commands
   * queued behind a full command ring, events not yet read here. Read by the metrics endpoint.
   */
  ringOccupancy(shard: number): RingOccupancy {
    return {
      commandSlots: this.producers[shard]?.used() ?? 0,
      queuedCommands: this.writers[shard]?.queued ?? 0,
      eventSlots: this.consumers[shard]?.available() ?? 0,
    };
  }

  /** Starts delivering shard output to `sink`. */
  listen(sink: ShardEventSink): void {
    this.sink = sink;
    this.reading ??= this.readLoop();
  }

  /** Publishes every writer's pending slots. */
  flush(): void {
    for (const writer of this.writers) writer.flush();
  }

  /** Stops the workers: closes the rings, waits for each to finish, drains the event rings. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    // Queued commands still go in, unless their worker is gone.
    await Promise.all(
      this.writers.map((writer, shard) => Promise.race([writer.drained(), this.exits[shard]])),
    );
    for (const producer of this.producers) producer.close();
    // Let a worker blocked on a full event ring finish: keep reading until it exits.
    await Promise.all(this.exits);
    for (const consumer of this.consumers) consumer.close();
    this.doorbell.close();
    await this.reading;
  }

  private async readLoop(): Promise<void> {
    for (;;) {
      const seen = this.doorbell.count();
      let read = 0;
      for (let shard = 0; shard < this.consumers.length; shard++) read += this.drainShard(shard);
      if (read === 0) {
        if (this.doorbell.isClosed()) return;
        await this.doorbell.waitAsync(seen);
      } else {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }

  /** Handles every complete record in one shard's event ring; returns slots consumed. */
  private drainShard(shard: number): number {
    const consumer = this.consumers[shard] as RingConsumer;
    const sink = this.sink;
    const ready = consumer.available();
    if (ready === 0 || sink === undefined) return 0;
    const slots = consumer.slots;
    let k = 0;
    while (k < ready) {
      const at = consumer.offset(k);
      const type = slots[at] ?? 0;
      if (type > 0) {
        sink.onEvent(shard, slots, at);
        k++;
      } else if (type === ShellReplyType.BATCH_DONE) {
        sink.onBatchDone(shard, slots[at + 1] ?? 0);
        k++;
      } else if (type === ShellReplyType.DEPTH) {
        const levels =
          (slots[at + DepthReplyField.BID_LEVELS] ?? 0) + (slots[at + DepthReplyField.ASK_LEVELS] ?? 0);
        const dataSlots = depthDataSlots(levels, EVENT_SLOT_SIZE);
        if (k + 1 + dataSlots > ready) break;
        const header = slots.slice(at, at + EVENT_SLOT_SIZE);
        const data = new Float64Array(dataSlots * EVENT_SLOT_SIZE);
        for (let s = 0; s < dataSlots; s++) {
          const from = consumer.offset(k + 1 + s);
          data.set(slots.subarray(from, from + EVENT_SLOT_SIZE), s * EVENT_SLOT_SIZE);
        }
        sink.onDepth(shard, header, data.subarray(0, levels * 3));
        k += 1 + dataSlots;
      } else {
        this.logger.error({ shard, type }, 'unknown slot type in event ring');
        k++;
      }
    }
    consumer.release(k);
    return k;
  }
}
