/**
 * Where a new consumer group starts when it asked for `latest`. Kafka resets a group without a
 * committed offset to the end of a partition at its first fetch, which happens some time after
 * the join: events published in between would be skipped although `subscribe` had resolved.
 * Reading the end offsets before joining and seeking to them on join closes that gap.
 */
import type { Admin, Consumer, IMemberAssignment } from 'kafkajs';
import { retryWhileNotReady } from './retryWhileNotReady.js';

/** Offsets per `topic` and partition, for partitions the group has never committed. */
export type StartOffsets = ReadonlyMap<string, ReadonlyMap<number, string>>;

/** End offsets of the partitions where `groupId` has no committed position. */
export async function endOffsetsForNewPartitions(
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<StartOffsets> {
  const committed = await retryWhileNotReady(() => admin.fetchOffsets({ groupId, topics: [...topics] }));
  const result = new Map<string, Map<number, string>>();
  for (const topic of topics) {
    const uncommitted = new Set(
      committed
        .find((entry) => entry.topic === topic)
        ?.partitions.filter((partition) => partition.offset === '-1')
        .map((partition) => partition.partition),
    );
    const ends = await retryWhileNotReady(() => admin.fetchTopicOffsets(topic));
    result.set(
      topic,
      new Map(ends.filter((end) => uncommitted.has(end.partition)).map((end) => [end.partition, end.high])),
    );
  }
  return result;
}

/** Seeks the member's assigned, never-committed partitions to their recorded start, if any. */
export function seekToStartOffsets(
  consumer: Consumer,
  assignment: IMemberAssignment,
  starts: StartOffsets | undefined,
): void {
  if (!starts) return;
  for (const [topic, partitions] of Object.entries(assignment)) {
    for (const partition of partitions) {
      const offset = starts.get(topic)?.get(partition);
      if (offset !== undefined) consumer.seek({ topic, partition, offset });
    }
  }
}
