import { createLogger } from '@mib/telemetry';
import { loadGatewayConfig } from './config.js';
import { startGateway } from './server.js';

const config = loadGatewayConfig();
const logger = createLogger('gateway', { level: config.logLevel });
const gateway = await startGateway({ ...config, logger });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    void gateway.stop().then(() => process.exit(0));
  });
}
