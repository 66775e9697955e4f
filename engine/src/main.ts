/**
 * The engine process: `npm start -w @mib/engine` (tsx). Reads ENGINE_* from the environment once,
 * serves until SIGINT/SIGTERM, then drains and stops the workers.
 */
import { createEventBus } from '@mib/events';
import { startTracing } from '@mib/telemetry';
import pino from 'pino';
import { EngineConfigError, loadEngineConfig } from './config.js';
import { startEngine } from './server.js';

const bootLogger = pino({ name: 'engine' });
let config;
try {
  config = loadEngineConfig();
} catch (error) {
  if (!(error instanceof EngineConfigError)) throw error;
  bootLogger.fatal(error.message);
  process.exit(1);
}
const logger = pino({ name: 'engine', level: config.logLevel });
// Before the gRPC server starts: it installs its tracing interceptor only when tracing is on.
const tracing = startTracing({ serviceName: 'engine' });
const eventBus = await createEventBus({ logger, kafkaBrokers: config.kafkaBrokers, topicPrefix: config.kafkaTopicPrefix });
const engine = await startEngine({
  port: config.port,
  host: config.host,
  metricsPort: config.metricsPort,
  metricsToken: config.metricsToken,
  shards: config.shards,
  waitStrategy: config.waitStrategy,
  logger,
  eventBus,
  ...(config.journalDir === undefined
    ? {}
    : { journalDir: config.journalDir, snapshotEvery: config.snapshotEvery }),
});
logger.info(
  {
    port: engine.port,
    metricsPort: engine.metricsPort,
    shards: engine.shards,
    waitStrategy: config.waitStrategy,
    journalDir: config.journalDir,
  },
  'engine started',
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'engine stopping');
    engine
      .close()
      .then(() => eventBus.close())
      .then(() => tracing.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'engine failed to stop cleanly');
          process.exit(1);
        },
      );
  });
}
