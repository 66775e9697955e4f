import type { PrismaClient } from '@mib/db';
import { createEvent, parseEvent, type EventBus, type PayloadOf } from '@mib/events';
import type { Transaction } from '@mib/subgraph-kit';

/** The producer name and shard of every alert this service raises (a single writer). */
export const ALERT_SOURCE = { source: 'risk', shard: 0 } as const;

/**
 * Serialises the transactions that raise alerts until they commit (an arbitrary constant that
 * names this lock), so sequence numbers are handed out, and committed, in order.
 */
const ALERT_SEQUENCE_LOCK = 7_204_311;

/**
 * Raises a `risk.alert` inside the caller's transaction: the event gets the next sequence and
 * is stored in `risk.alert_outbox`; it reaches the bus through `publishPendingAlerts` after the
 * commit. So an alert exists exactly when the change that raised it does, and a crash between
 * commit and publication only delays it.
 */
export async function raiseAlert(
  tx: Transaction,
  alert: PayloadOf<'risk.alert'>,
  occurredAt: Date,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ALERT_SEQUENCE_LOCK})`;
  const [last] = await tx.$queryRaw<
    { sequence: bigint | null }[]
  >`SELECT MAX(sequence) AS sequence FROM risk.alert_outbox`;
  const sequence = Number(last?.sequence ?? 0n) + 1;
  const event = createEvent('risk.alert', alert, { ...ALERT_SOURCE, sequence, occurredAt });
  await tx.riskAlertOutbox.create({ data: { sequence, event } });
}

/** How long one outbox run may hold its rows while the bus takes them (a broker's slow ack). */
const PUBLISH_TIMEOUT_MS = 60_000;

/**
 * Publishes every committed, unpublished alert in sequence order and marks it published. Rows
 * stay locked while they are published, so replicas never publish out of order (a consumer
 * would drop the lower sequence); one published twice around a crash is skipped by consumers.
 */
export async function publishPendingAlerts(prisma: PrismaClient, bus: EventBus): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      const pending = await tx.$queryRaw<{ sequence: bigint; event: unknown }[]>`
      SELECT sequence, event FROM risk.alert_outbox
      WHERE published_at IS NULL ORDER BY sequence FOR UPDATE`;
      if (pending.length === 0) return;
      await bus.publish(pending.map((row) => parseEvent(row.event)));
      await tx.riskAlertOutbox.updateMany({
        where: { sequence: { in: pending.map((row) => row.sequence) } },
        data: { publishedAt: new Date() },
      });
    },
    // Prisma's 5 s default would roll back the marks after a slow broker had taken the batch,
    // and the next run would publish it again: consumers skip repeats, live subscribers not.
    { timeout: PUBLISH_TIMEOUT_MS },
  );
}
