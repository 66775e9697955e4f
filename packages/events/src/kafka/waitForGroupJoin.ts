/**
 * Resolves when a kafkajs consumer has joined its group and received its assignment, so that
 * `subscribe` returns a member that is really consuming (tests and rebalances depend on it).
 */
import type { Consumer } from 'kafkajs';

export function waitForGroupJoin(consumer: Consumer, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const removers: Array<() => void> = [];
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      for (const remove of removers) remove();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => finish(new Error(`consumer did not join its group within ${timeoutMs} ms`)), timeoutMs);
    removers.push(
      consumer.on(consumer.events.GROUP_JOIN, () => finish()),
      consumer.on(consumer.events.CRASH, (event) => finish(event.payload.error)),
    );
  });
}
