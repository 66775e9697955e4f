/**
 * Creates the bus's topics if missing and waits until every partition has a leader, so the
 * first publish and subscribe after `connect` do not race the controller.
 *
 * kafkajs's own `waitForLeaders` gives up when the metadata request answers "This server does
 * not host this topic-partition", which KRaft brokers do for a moment after creating a topic;
 * this waits through that (and "leader not available") until `timeoutMs`.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Admin, ITopicConfig } from 'kafkajs';
import type { Logger } from 'pino';

/** Protocol errors that only mean "not yet" right after a topic was created. */
const notReadyYet = /does not host this topic-partition|leader|not available/i;

export async function ensureTopics(
  admin: Admin,
  topics: readonly ITopicConfig[],
  logger: Logger,
  timeoutMs = 30_000,
): Promise<void> {
  const created = await admin.createTopics({ topics: [...topics], waitForLeaders: false });
  const names = topics.map((topic) => topic.topic);
  const deadline = Date.now() + timeoutMs;
  for (let wait = 25; ; wait = Math.min(wait * 2, 500)) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: names });
      const leaderless = metadata.filter((topic) =>
        topic.partitions.some((partition) => partition.leader < 0),
      );
      if (metadata.length === names.length && leaderless.length === 0) break;
    } catch (error) {
      if (!notReadyYet.test((error as Error).message)) throw error;
    }
    if (Date.now() >= deadline)
      throw new Error(`topics ${names.join(', ')} have no leaders after ${timeoutMs} ms`);
    await delay(wait);
  }
  logger.info({ topics: names, created }, created ? 'created topics' : 'topics exist');
}
