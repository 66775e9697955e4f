/**
 * Creates the bus's topics if missing and waits until every partition is served by its leader,
 * so the first publish and subscribe after `connect` do not race the controller.
 *
 * kafkajs's own `waitForLeaders` gives up when the metadata answers "This server does not host
 * this topic-partition", which KRaft brokers say for a moment after creating a topic; and a
 * leader in the metadata may still refuse ListOffsets ("not the leader") a little longer. So
 * ready here means: every partition has a leader, and the end offsets of every topic can be read.
 */
import type { Admin, ITopicConfig } from 'kafkajs';
import type { Logger } from 'pino';
import { retryWhileNotReady } from './retryWhileNotReady.js';

/** Thrown inside the readiness check while some partition still has no leader. */
class LeaderNotElectedYet extends Error {
  readonly retriable = true;
}

export async function ensureTopics(
  admin: Admin,
  topics: readonly ITopicConfig[],
  logger: Logger,
  timeoutMs = 30_000,
): Promise<void> {
  const created = await admin.createTopics({ topics: [...topics], waitForLeaders: false });
  const names = topics.map((topic) => topic.topic);
  await retryWhileNotReady(async () => {
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics: names });
    const leaderless = metadata.filter((topic) => topic.partitions.some((partition) => partition.leader < 0));
    if (metadata.length < names.length || leaderless.length > 0) {
      throw new LeaderNotElectedYet(
        `topics without leaders: ${leaderless.map((topic) => topic.name).join(', ')}`,
      );
    }
    for (const name of names) await admin.fetchTopicOffsets(name);
  }, timeoutMs);
  logger.info({ topics: names, created }, created ? 'created topics' : 'topics exist');
}
