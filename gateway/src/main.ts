import { createLogger, startTracing } from '@mib/telemetry';
import { loadGatewayConfig } from './config.js';
import { startGateway } from './server.js';

const config = loadGatewayConfig();
const logger = createLogger('gateway', { level: config.logLevel });
// Before the gateway starts: it decides then whether to trace.
const tracing = startTracing({ serviceName: 'gateway' });
const gateway = await startGateway({ ...config, logger });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    void gateway
      .stop()
      .then(() => tracing.shutdown())
      .then(() => process.exit(0));
  });
}
