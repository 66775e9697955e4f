// `npm start`: the whole platform in one process on its embedded defaults.
import { createLogger, startTracing } from '@mib/telemetry';
import { loadLauncherConfig } from './config.js';
import { startPlatform } from './startPlatform.js';

const config = loadLauncherConfig();
const logger = createLogger('platform', { level: config.LOG_LEVEL });
// One provider for the whole process, started before any service decides whether to trace:
// `service.name` is the platform's, and each service's spans carry their own tracer (scope) name
// (gateway, users … risk, engine, engine-client).
const tracing = startTracing({ serviceName: 'market-intel-brain' });
try {
  const platform = await startPlatform(config, logger);
  process.stdout.write(
    `\nMarket Intel Brain is up.\n  GraphQL: ${platform.gatewayUrl.replace('127.0.0.1', 'localhost')}\n\n`,
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: while the platform stops, a handler must stay registered, or tsx (which
    // runs this file) ends the process the moment a signal finds none, before the database stops.
    process.on(signal, () => {
      // Once: tsx relays the terminal's Ctrl-C, which reaches this process itself too. Every part
      // has a deadline to stop (ShutdownSequence), so the process ends without a second signal.
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      void platform
        .stop()
        .then(() => tracing.shutdown())
        .then(() => process.exit(0));
    });
  }
} catch (error) {
  logger.fatal({ err: error }, 'the platform could not start');
  process.exit(1);
}
