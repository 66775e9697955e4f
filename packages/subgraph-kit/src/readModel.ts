import pLimit, { type LimitFunction } from 'p-limit';
import type { PrismaClient } from '@mib/db';
import {
  isNewEvent,
  streamOf,
  type EventBus,
  type Subscription,
  type Topic,
  type TradingEvent,
} from '@mib/events';
import { reportDuplicate } from './consumerMetrics.js';
import { ReadModelProgress, type ReadModelMark } from './readModelProgress.js';

/** The domain schemas that keep an `event_marks` table (see prisma/schema.prisma). */
export type EventMarkSchema = 'market' | 'orders' | 'portfolio' | 'risk';

/** The transaction client Prisma hands to an interactive transaction. */
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Read-model transactions one database client runs at once, however many partitions its
 * consumers handle concurrently (8 per topic on the in-process bus, 6 on Kafka; the embedded
 * platform's five subgraphs share one client). Unbounded, they held every pooled connection under
 * load and starved the requests the same client serves: Prisma failed those after 2 s without a
 * connection (P2028), sign-ins and refreshes among them. Four keep the rest of the pool (10 by
 * default) for requests; more would not apply events faster on a few cores.
 */
export const READ_MODEL_TRANSACTIONS_PER_CLIENT = 4;

const transactionSlots = new WeakMap<PrismaClient, LimitFunction>();

function transactionSlotsOf(prisma: PrismaClient): LimitFunction {
  let slots = transactionSlots.get(prisma);
  if (!slots) transactionSlots.set(prisma, (slots = pLimit(READ_MODEL_TRANSACTIONS_PER_CLIENT)));
  return slots;
}

/**
 * Applies one event to a read model at most once (packages/events PROTOCOL.md, "Idempotent
 * consumers"): in one transaction, lock the stream's high-water mark, skip the event if it is not
 * above it, apply it, and move the mark. A crash anywhere leaves both or neither, so redelivery
 * and replays never double-count. Returns whether the event was applied.
 */
export async function applyOnce(
  prisma: PrismaClient,
  target: { schema: EventMarkSchema; consumer: string },
  event: TradingEvent,
  apply: (tx: Transaction) => Promise<void>,
): Promise<boolean> {
  const stream = streamOf(event);
  // `schema` is a closed union, never input: safe to place in the statement text.
  const marks = `"${target.schema}".event_marks`;
  return transactionSlotsOf(prisma)(() =>
    markedTransaction(prisma, marks, target.consumer, stream, event, apply),
  );
}

async function markedTransaction(
  prisma: PrismaClient,
  marks: string,
  consumer: string,
  stream: string,
  event: TradingEvent,
  apply: (tx: Transaction) => Promise<void>,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${marks} (consumer, stream, sequence) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`,
      consumer,
      stream,
    );
    const rows = await tx.$queryRawUnsafe<{ sequence: bigint }[]>(
      `SELECT sequence FROM ${marks} WHERE consumer = $1 AND stream = $2 FOR UPDATE`,
      consumer,
      stream,
    );
    const mark = rows[0] ? Number(rows[0].sequence) : 0;
    if (!isNewEvent(mark, event)) {
      reportDuplicate(consumer, event);
      return false;
    }
    await apply(tx);
    await tx.$executeRawUnsafe(
      `UPDATE ${marks} SET sequence = $3, updated_at = now() WHERE consumer = $1 AND stream = $2`,
      consumer,
      stream,
      event.sequence,
    );
    return true;
  });
}

/**
 * How far the read model `target` keeps has got: this process's consumer reports to it
 * (`applied`), another replica's is seen in the event marks.
 */
export function readModelProgressOf(
  prisma: PrismaClient,
  target: { schema: EventMarkSchema; consumer: string },
  recheckMs?: number,
): ReadModelProgress {
  return new ReadModelProgress(target.schema, eventMarkOf(prisma, target), recheckMs);
}

/**
 * The read model's mark of a stream as `applyOnce` keeps it (0 before its first event): how a
 * process sees what another replica's consumer has applied.
 */
function eventMarkOf(
  prisma: PrismaClient,
  target: { schema: EventMarkSchema; consumer: string },
): ReadModelMark {
  const marks = `"${target.schema}".event_marks`;
  return async (stream) => {
    const rows = await prisma.$queryRawUnsafe<{ sequence: bigint }[]>(
      `SELECT sequence FROM ${marks} WHERE consumer = $1 AND stream = $2`,
      target.consumer,
      stream,
    );
    return rows[0] ? Number(rows[0].sequence) : 0;
  };
}

/**
 * Keeps a read model up to date from the bus: every event of `topics` goes through `apply`
 * exactly once (at-least-once delivery + `applyOnce`). The consumer group is the read model's
 * name, so replicas of a subgraph share the work.
 */
export function consumeIntoReadModel(
  bus: EventBus,
  prisma: PrismaClient,
  readModel: {
    schema: EventMarkSchema;
    /** Consumer group and mark owner, e.g. `portfolio-positions`. */
    consumer: string;
    topics: readonly Topic[];
    apply: (event: TradingEvent, tx: Transaction) => Promise<void>;
    /** Told of each event once committed (or found applied already), e.g. `ReadModelProgress.applied`. */
    applied?: (event: TradingEvent) => void;
  },
): Promise<Subscription> {
  return bus.subscribe({
    group: readModel.consumer,
    topics: readModel.topics,
    handler: async (event) => {
      await applyOnce(prisma, readModel, event, (tx) => readModel.apply(event, tx));
      readModel.applied?.(event);
    },
  });
}
