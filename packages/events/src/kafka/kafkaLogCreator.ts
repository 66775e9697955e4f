/**
 * Routes kafkajs's logs into the service's pino logger. kafkajs logs every failed response at
 * error level, including the ones it retries as a matter of course: on a fresh broker the group
 * coordinator is still loading, topics just created have no leader yet, and every rebalance
 * answers heartbeats with "rejoin needed". Those go to debug; real failures stay errors.
 */
import { logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

/** Protocol errors kafkajs retries by itself (retriable codes of the Kafka protocol). */
const retriedResponseError =
  /coordinator is (loading|not available)|not the correct coordinator|no leader|not the leader|leadership election|does not host this topic-partition|group is rebalancing|not aware of this member/i;

/** True for an error entry that is a retried, expected condition rather than a failure. */
export function isRetriedNoise(entry: Pick<LogEntry, 'level' | 'log'>): boolean {
  if (entry.level !== logLevel.ERROR && entry.level !== logLevel.WARN) return false;
  const { message, error } = entry.log as { message: string; error?: unknown };
  return retriedResponseError.test(`${message} ${typeof error === 'string' ? error : ''}`);
}

/** kafkajs's own level threshold for a pino logger, so kafkajs skips what pino would drop. */
export function kafkaLogLevelFor(logger: Logger): logLevel {
  if (logger.isLevelEnabled('debug')) return logLevel.DEBUG;
  if (logger.isLevelEnabled('info')) return logLevel.INFO;
  if (logger.isLevelEnabled('warn')) return logLevel.WARN;
  return logger.isLevelEnabled('error') ? logLevel.ERROR : logLevel.NOTHING;
}

/** A kafkajs `logCreator` writing to `logger` (fields `namespace` plus kafkajs's extras). */
export function pinoLogCreator(logger: Logger): logCreator {
  return () => (entry) => {
    const { message } = entry.log;
    // kafkajs's own timestamp and logger name would duplicate pino's.
    const extra = Object.entries(entry.log).filter(
      ([field]) => field !== 'message' && field !== 'timestamp' && field !== 'logger',
    );
    const fields = { namespace: entry.namespace, ...Object.fromEntries(extra) };
    if (isRetriedNoise(entry)) {
      logger.debug(fields, message);
      return;
    }
    // The consumer recovers by itself; the crash that caused it was logged with its reason.
    if (message.startsWith('Restarting the consumer')) {
      logger.warn(fields, message);
      return;
    }
    switch (entry.level) {
      case logLevel.ERROR:
        logger.error(fields, message);
        return;
      case logLevel.WARN:
        logger.warn(fields, message);
        return;
      case logLevel.INFO:
        logger.info(fields, message);
        return;
      case logLevel.DEBUG:
      case logLevel.NOTHING:
        logger.debug(fields, message);
        return;
    }
  };
}
